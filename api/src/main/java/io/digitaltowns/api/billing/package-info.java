/**
 * Billing: business owners pay a monthly subscription through Stripe to be featured.
 *
 * <ul>
 *   <li>{@code checkout}: {@code POST /api/businesses/{id}/subscription/checkout} creates the
 *       business's Stripe customer once, then a Checkout Session in subscription mode, and answers
 *       its URL.
 *   <li>{@code portal}: {@code POST /api/businesses/{id}/subscription/portal} answers a link to
 *       Stripe's customer portal (change the card, cancel).
 *   <li>{@code webhook}: {@code POST /api/stripe/webhook} verifies Stripe's signature, stores each
 *       event raw once ({@code stripe_events}) and writes it as {@code StripeEventReceived} to the
 *       outbox in the same transaction (topic {@code dt.stripe.events}). Money and subscription
 *       state are only ever derived from those events, out of the request path.
 * </ul>
 *
 * <p>Off (every endpoint answers 404 "billing not configured") while {@code
 * digitaltowns.stripe.secret-key} is blank. Secrets ({@link
 * io.digitaltowns.api.billing.StripeProperties}) never appear in logs, events or answers.
 */
package io.digitaltowns.api.billing;
