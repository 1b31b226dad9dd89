package io.digitaltowns.readmodels.crm;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CRM's deals: one per Stripe subscription, with its state and the revenue it brought (the sum
 * of the paid invoices the events report, in the currency's minor unit). Each event is applied once
 * (the group's message log), so adding to the revenue is safe.
 */
@Component
public class Deals {

  private final JdbcClient jdbc;

  public Deals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Change(
      String subscriptionId, String businessId, String customerId, String status, Instant at) {}

  /**
   * @param periodEnd end of the paid period, if the event says (kept otherwise)
   * @param paid revenue to add, in the minor unit, or null
   */
  public void apply(Change change, Instant periodEnd, Long paid, String currency) {
    jdbc.sql(
            """
            INSERT INTO consumers.crm_view_deals (subscription_id, business_id, customer_id, status, current_period_end,
              revenue_minor, currency, started_at, updated_at)
            VALUES (:subscriptionId, :businessId, :customerId, :status, :periodEnd, coalesce(CAST(:paid AS bigint), 0), :currency, :at, :at)
            ON CONFLICT (subscription_id) DO UPDATE SET
              status = EXCLUDED.status,
              current_period_end = coalesce(EXCLUDED.current_period_end, crm_view_deals.current_period_end),
              revenue_minor = crm_view_deals.revenue_minor + coalesce(CAST(:paid AS bigint), 0),
              currency = coalesce(EXCLUDED.currency, crm_view_deals.currency),
              updated_at = EXCLUDED.updated_at
            """)
        .param("subscriptionId", change.subscriptionId())
        .param("businessId", change.businessId())
        .param("customerId", change.customerId())
        .param("status", change.status())
        .param("periodEnd", Timestamps.of(periodEnd))
        .param("paid", paid)
        .param("currency", currency)
        .param("at", Timestamps.of(change.at()))
        .update();
  }

  public void canceled(Change change, Instant cancelAt) {
    apply(change, null, null, null);
    jdbc.sql(
            "UPDATE consumers.crm_view_deals SET cancel_at = :cancelAt WHERE subscription_id = :subscriptionId")
        .param("subscriptionId", change.subscriptionId())
        .param("cancelAt", Timestamps.of(cancelAt))
        .update();
  }

  public void ended(Change change, Instant endedAt) {
    apply(change, null, null, null);
    jdbc.sql(
            "UPDATE consumers.crm_view_deals SET ended_at = :endedAt WHERE subscription_id = :subscriptionId")
        .param("subscriptionId", change.subscriptionId())
        .param("endedAt", Timestamps.of(endedAt))
        .update();
  }
}
