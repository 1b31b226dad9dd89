package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.analytics.RevenueDaily;
import io.digitaltowns.events.analytics.RevenueDailyKey;
import io.digitaltowns.events.analytics.SubscriptionsDaily;
import io.digitaltowns.events.analytics.SubscriptionsDailyKey;
import io.digitaltowns.events.billing.PaymentFailed;
import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionCanceled;
import io.digitaltowns.events.billing.SubscriptionEnded;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns billing events (each seen once) into the daily subscription and revenue figures. Counts of
 * the day (renewals, failures, cancellations, invoices paid) add up per event; the running totals
 * (active subscriptions, MRR) come from per-subscription facts, so an activation or an end that
 * arrives late moves every later day's totals, and all of those days are emitted again. All billing
 * events meet in this one processor (one partition), which is fine for their volume: a handful per
 * business and month.
 */
final class BillingFigures
    implements Processor<String, SpecificRecord, SpecificRecord, SpecificRecord> {

  static final String SUBSCRIPTIONS_STORE = "subscription-facts";
  static final String DAYS_STORE = "billing-days";

  private ProcessorContext<SpecificRecord, SpecificRecord> context;
  private KeyValueStore<String, SubscriptionFacts> subscriptions;
  private KeyValueStore<String, DayFigures> days;

  @Override
  public void init(ProcessorContext<SpecificRecord, SpecificRecord> context) {
    this.context = context;
    this.subscriptions = context.getStateStore(SUBSCRIPTIONS_STORE);
    this.days = context.getStateStore(DAYS_STORE);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    SpecificRecord event = record.value();
    DailyBilling touched = new DailyBilling(days::get);
    String subscriptionId;
    if (event instanceof SubscriptionActivated e) {
      subscriptionId = e.getSubscriptionId();
      String day = UtcDays.of(e.getOccurredAt());
      update(
          subscriptionId,
          touched,
          facts -> {
            SubscriptionFacts started = facts.started(day);
            return e.getAmount() == null || e.getCurrency() == null
                ? started
                : started.paid(day, e.getAmount(), e.getCurrency());
          });
      if (e.getAmount() != null && e.getCurrency() != null) {
        touched.day(day).addPaidInvoice(e.getCurrency(), e.getAmount());
      }
    } else if (event instanceof SubscriptionRenewed e) {
      subscriptionId = e.getSubscriptionId();
      String day = UtcDays.of(e.getOccurredAt());
      update(subscriptionId, touched, facts -> facts.paid(day, e.getAmount(), e.getCurrency()));
      touched.day(day).renewed++;
      touched.day(day).addPaidInvoice(e.getCurrency(), e.getAmount());
    } else if (event instanceof SubscriptionEnded e) {
      subscriptionId = e.getSubscriptionId();
      update(subscriptionId, touched, facts -> facts.ended(UtcDays.of(e.getEndedAt())));
    } else if (event instanceof PaymentFailed e) {
      touched.day(UtcDays.of(e.getOccurredAt())).failed++;
    } else if (event instanceof SubscriptionCanceled e) {
      touched.day(UtcDays.of(e.getOccurredAt())).canceled++;
    } else {
      return;
    }
    if (touched.touched().isEmpty()) {
      return;
    }
    touched.touched().forEach(days::put);
    emitFrom(touched.touched().firstKey(), record.timestamp());
  }

  private void update(
      String subscriptionId,
      DailyBilling touched,
      java.util.function.UnaryOperator<SubscriptionFacts> change) {
    SubscriptionFacts before = subscriptions.get(subscriptionId);
    if (before == null) {
      before = SubscriptionFacts.none();
    }
    SubscriptionFacts after = change.apply(before);
    before.contributeTo(touched, -1);
    after.contributeTo(touched, +1);
    subscriptions.put(subscriptionId, after);
  }

  /**
   * Emits the figures of every known day from {@code firstDay} on, with the running totals up to
   * each.
   */
  private void emitFrom(String firstDay, long timestamp) {
    long active = 0;
    Map<String, Long> mrr = new TreeMap<>();
    try (KeyValueIterator<String, DayFigures> all = days.all()) {
      while (all.hasNext()) {
        KeyValue<String, DayFigures> entry = all.next();
        String day = entry.key;
        DayFigures figures = entry.value;
        active += figures.activeChange;
        figures.mrrChangeByCurrency.forEach(
            (currency, change) -> mrr.merge(currency, change, Long::sum));
        if (day.compareTo(firstDay) < 0) {
          continue;
        }
        context.forward(
            new Record<>(
                new SubscriptionsDailyKey(day),
                new SubscriptionsDaily(
                    day,
                    figures.newSubscriptions,
                    figures.renewed,
                    figures.failed,
                    figures.canceled,
                    active),
                timestamp));
        TreeMap<String, Long> currencies = new TreeMap<>(mrr);
        figures.grossByCurrency.keySet().forEach(currency -> currencies.putIfAbsent(currency, 0L));
        for (Map.Entry<String, Long> currency : currencies.entrySet()) {
          context.forward(
              new Record<>(
                  new RevenueDailyKey(day, currency.getKey()),
                  new RevenueDaily(
                      day,
                      currency.getKey(),
                      figures.grossByCurrency.getOrDefault(currency.getKey(), 0L),
                      figures.paidInvoicesByCurrency.getOrDefault(currency.getKey(), 0L),
                      currency.getValue()),
                  timestamp));
        }
      }
    }
  }
}
