/**
 * Applying Stripe's events to each business's subscription, out of the request path.
 *
 * <p>{@link io.digitaltowns.api.billing.apply.SubscriptionLedger} applies one raw Stripe event in
 * one transaction: once per Stripe event id, newest Stripe state wins, and the domain events on
 * {@code dt.billing.events} (SubscriptionActivated, SubscriptionRenewed, PaymentFailed,
 * SubscriptionCanceled, SubscriptionEnded) are emitted once per real transition whatever the order
 * and number of deliveries. {@code businesses.featured} follows the stored state, with a grace
 * while past_due ({@code digitaltowns.billing.past-due-grace}, default 7 days).
 *
 * <p>Delivery: {@link io.digitaltowns.api.billing.apply.StripeEventApplier} polls {@code
 * stripe_events} (the rows the webhook stored) for events not yet applied, every {@code
 * digitaltowns.billing.apply.poll-interval} (2 s); {@code digitaltowns.billing.apply.enabled=false}
 * turns it off on an instance.
 */
package io.digitaltowns.api.billing.apply;
