package io.digitaltowns.api.billing;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where to send the owner's browser: a Stripe-hosted page. */
public record BillingLink(
    @Schema(
            description =
                "Stripe-hosted page (https://checkout.stripe.com/... or "
                    + "https://billing.stripe.com/...)")
        String url) {}
