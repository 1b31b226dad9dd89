package io.digitaltowns.infra.stripe;

/**
 * One event as Stripe sends it to a webhook endpoint (https://docs.stripe.com/api/events/object):
 * its id, type and the exact JSON that gets signed.
 */
record WebhookEvent(String id, String type, String payload) {}
