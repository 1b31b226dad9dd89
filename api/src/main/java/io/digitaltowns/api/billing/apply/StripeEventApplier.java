package io.digitaltowns.api.billing.apply;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Applies the stored Stripe events ({@code stripe_events}, written by the webhook intake) that are
 * not applied yet, oldest Stripe time first, each in its own transaction through {@link
 * SubscriptionLedger}. Runs in the background ({@link BillingSchedule}), never on the webhook's
 * request path. Several instances may run it at once: the ledger applies each event id once and
 * serializes the events of one business.
 *
 * <p>An event that fails for a passing reason (Stripe not answering a fetch, the database) is
 * logged and tried again on the next pass; one the ledger cannot read is recorded as {@code
 * unreadable} and not tried again. The others go on either way.
 */
@Component
public class StripeEventApplier {

  private static final Logger log = LoggerFactory.getLogger(StripeEventApplier.class);

  private final JdbcClient jdbc;
  private final SubscriptionLedger ledger;
  private final BillingApplyProperties properties;

  StripeEventApplier(
      JdbcClient jdbc, SubscriptionLedger ledger, BillingApplyProperties properties) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.properties = properties;
  }

  private record Pending(String id, String type, String payload) {}

  /**
   * One pass.
   *
   * @return how many events were applied (not counting failures)
   */
  public int applyPending() {
    List<Pending> pending =
        jdbc.sql(
                """
            SELECT e.id, e.type, e.payload FROM stripe_events e
            WHERE NOT EXISTS (SELECT 1 FROM applied_stripe_events a WHERE a.event_id = e.id)
            ORDER BY e.created, e.received_at
            LIMIT :limit
            """)
            .param("limit", properties.apply().batchSize())
            .query(
                (rs, n) ->
                    new Pending(rs.getString("id"), rs.getString("type"), rs.getString("payload")))
            .list();
    int applied = 0;
    for (Pending event : pending) {
      try {
        ledger.apply(event.payload());
        applied++;
      } catch (IllegalArgumentException | JacksonException e) {
        // shaped unlike what Stripe documents for its type: trying again will not help
        log.error(
            "Stripe event {} ({}) cannot be read and is left unapplied: {}",
            event.id(),
            event.type(),
            e.getClass().getSimpleName());
        ledger.markUnreadable(event.id(), event.type());
      } catch (RuntimeException e) {
        log.warn(
            "Could not apply Stripe event {} (tried again on the next pass): {}",
            event.id(),
            e.getClass().getSimpleName());
      }
    }
    return applied;
  }
}
