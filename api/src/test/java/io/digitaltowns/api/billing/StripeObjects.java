package io.digitaltowns.api.billing;

/**
 * Bodies shaped like the objects in Stripe's API reference (API version 2026-07-29.dahlia, the one
 * stripe-java 33.3.0 pins), trimmed to the documented fields a reader would look for.
 */
public final class StripeObjects {

  public static final String API_VERSION = "2026-07-29.dahlia";

  private StripeObjects() {}

  /** https://docs.stripe.com/api/customers/object */
  public static String customer(String id, String email, String name, String businessId) {
    return """
        {
          "id": "%s",
          "object": "customer",
          "address": null,
          "balance": 0,
          "created": 1767225600,
          "currency": null,
          "default_source": null,
          "delinquent": false,
          "description": null,
          "email": "%s",
          "invoice_prefix": "0759376C",
          "invoice_settings": {"custom_fields": null, "default_payment_method": null, "footer": null, "rendering_options": null},
          "livemode": false,
          "metadata": {"business_id": "%s"},
          "name": "%s",
          "next_invoice_sequence": 1,
          "phone": null,
          "preferred_locales": [],
          "shipping": null,
          "tax_exempt": "none",
          "test_clock": null
        }
        """
        .formatted(id, email, businessId, name);
  }

  /** https://docs.stripe.com/api/checkout/sessions/object, as created in subscription mode */
  public static String checkoutSession(String id, String customerId, String businessId) {
    return """
        {
          "id": "%1$s",
          "object": "checkout.session",
          "after_expiration": null,
          "allow_promotion_codes": null,
          "amount_subtotal": 1900,
          "amount_total": 1900,
          "automatic_tax": {"enabled": false, "liability": null, "status": null},
          "billing_address_collection": null,
          "cancel_url": "https://towns.example.org/my/businesses/%3$s/subscription?checkout=canceled",
          "client_reference_id": "%3$s",
          "consent": null,
          "consent_collection": null,
          "created": 1767225600,
          "currency": "eur",
          "custom_fields": [],
          "custom_text": {"after_submit": null, "shipping_address": null, "submit": null, "terms_of_service_acceptance": null},
          "customer": "%2$s",
          "customer_creation": null,
          "customer_details": null,
          "customer_email": null,
          "expires_at": 1767312000,
          "invoice": null,
          "livemode": false,
          "locale": null,
          "metadata": {"business_id": "%3$s"},
          "mode": "subscription",
          "payment_intent": null,
          "payment_link": null,
          "payment_method_collection": "always",
          "payment_method_options": {},
          "payment_method_types": ["card"],
          "payment_status": "unpaid",
          "phone_number_collection": {"enabled": false},
          "recovered_from": null,
          "setup_intent": null,
          "shipping_address_collection": null,
          "shipping_cost": null,
          "shipping_options": [],
          "status": "open",
          "submit_type": null,
          "subscription": null,
          "success_url": "https://towns.example.org/my/businesses/%3$s/subscription?checkout=success&session_id={CHECKOUT_SESSION_ID}",
          "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
          "ui_mode": "hosted",
          "url": "https://checkout.stripe.com/c/pay/%1$s#fidkdWxOYHwnPyd1blpxYHZxWjA0"
        }
        """
        .formatted(id, customerId, businessId);
  }

  /** https://docs.stripe.com/api/customer_portal/sessions/object */
  public static String portalSession(String id, String customerId, String returnUrl) {
    return """
        {
          "id": "%1$s",
          "object": "billing_portal.session",
          "configuration": "bpc_1DigitalTownsPortal",
          "created": 1767225600,
          "customer": "%2$s",
          "flow": null,
          "livemode": false,
          "locale": null,
          "on_behalf_of": null,
          "return_url": "%3$s",
          "url": "https://billing.stripe.com/p/session/test_%1$s"
        }
        """
        .formatted(id, customerId, returnUrl);
  }

  /** https://docs.stripe.com/api/errors: what Stripe answers a refused request */
  public static String error(String type, String code, String message, String param) {
    return """
        {
          "error": {
            "type": "%s",
            "code": "%s",
            "message": "%s",
            "param": "%s",
            "doc_url": "https://docs.stripe.com/error-codes/%s",
            "request_log_url": "https://dashboard.stripe.com/test/logs/req_Test123"
          }
        }
        """
        .formatted(type, code, message, param, code.replace('_', '-'));
  }

  /**
   * A {@code customer.subscription.updated} event (https://docs.stripe.com/api/events/object) whose
   * object is a subscription (https://docs.stripe.com/api/subscriptions/object): an owner's card
   * payment turned it active.
   */
  public static String subscriptionUpdated(
      String eventId, long created, String subscriptionId, String customerId, String businessId) {
    return """
        {
          "id": "%1$s",
          "object": "event",
          "api_version": "%6$s",
          "created": %2$d,
          "data": {
            "object": {
              "id": "%3$s",
              "object": "subscription",
              "application": null,
              "application_fee_percent": null,
              "automatic_tax": {"disabled_reason": null, "enabled": false, "liability": null},
              "billing_cycle_anchor": 1767225600,
              "billing_cycle_anchor_config": null,
              "billing_mode": {"type": "flexible"},
              "billing_thresholds": null,
              "cancel_at": null,
              "cancel_at_period_end": false,
              "canceled_at": null,
              "cancellation_details": {"comment": null, "feedback": null, "reason": null},
              "collection_method": "charge_automatically",
              "created": 1767225600,
              "currency": "eur",
              "customer": "%4$s",
              "days_until_due": null,
              "default_payment_method": "pm_1DigitalTownsCard",
              "default_source": null,
              "default_tax_rates": [],
              "description": null,
              "discounts": [],
              "ended_at": null,
              "invoice_settings": {"account_tax_ids": null, "issuer": {"type": "self"}},
              "items": {
                "object": "list",
                "data": [
                  {
                    "id": "si_1DigitalTownsItem",
                    "object": "subscription_item",
                    "billing_thresholds": null,
                    "created": 1767225600,
                    "current_period_end": 1769904000,
                    "current_period_start": 1767225600,
                    "discounts": [],
                    "metadata": {},
                    "price": {
                      "id": "%7$s",
                      "object": "price",
                      "active": true,
                      "billing_scheme": "per_unit",
                      "created": 1767139200,
                      "currency": "eur",
                      "livemode": false,
                      "lookup_key": null,
                      "metadata": {},
                      "nickname": null,
                      "product": "prod_DigitalTownsFeatured",
                      "recurring": {"interval": "month", "interval_count": 1, "meter": null, "usage_type": "licensed"},
                      "tax_behavior": "unspecified",
                      "type": "recurring",
                      "unit_amount": 1900,
                      "unit_amount_decimal": "1900"
                    },
                    "quantity": 1,
                    "subscription": "%3$s",
                    "tax_rates": []
                  }
                ],
                "has_more": false,
                "total_count": 1,
                "url": "/v1/subscription_items?subscription=%3$s"
              },
              "latest_invoice": "in_1DigitalTownsFirst",
              "livemode": false,
              "metadata": {"business_id": "%5$s"},
              "next_pending_invoice_item_invoice": null,
              "on_behalf_of": null,
              "pause_collection": null,
              "payment_settings": {"payment_method_options": null, "payment_method_types": null, "save_default_payment_method": "off"},
              "pending_invoice_item_interval": null,
              "pending_setup_intent": null,
              "pending_update": null,
              "schedule": null,
              "start_date": 1767225600,
              "status": "active",
              "test_clock": null,
              "transfer_data": null,
              "trial_end": null,
              "trial_settings": {"end_behavior": {"missing_payment_method": "create_invoice"}},
              "trial_start": null
            },
            "previous_attributes": {"status": "incomplete"}
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": null, "idempotency_key": null},
          "type": "customer.subscription.updated"
        }
        """
        .formatted(
            eventId,
            created,
            subscriptionId,
            customerId,
            businessId,
            API_VERSION,
            StripeStub.PRICE_ID);
  }

  /**
   * An event of a type this system has never heard of: Stripe adds types, and they must be kept
   * too.
   */
  public static String unknownEvent(
      String eventId, long created, String objectId, String customerId) {
    return """
        {
          "id": "%1$s",
          "object": "event",
          "api_version": "%5$s",
          "created": %2$d,
          "data": {
            "object": {
              "id": "%3$s",
              "object": "future_thing",
              "customer": "%4$s",
              "livemode": false
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": "req_1DigitalTowns", "idempotency_key": "6c3c1b2e-0000-4000-8000-000000000000"},
          "type": "future_thing.happened"
        }
        """
        .formatted(eventId, created, objectId, customerId, API_VERSION);
  }
}
