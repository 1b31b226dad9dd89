package io.digitaltowns.consumers.analytics;

import java.util.Map;
import java.util.TreeMap;

/**
 * One Stripe subscription as the daily figures need it: the UTC day it started, the day it ended,
 * its currency and the amount of each paid invoice by day (its price from that day on). Facts only
 * grow, whatever order they arrive in: the earliest activation, the earliest end, each invoice
 * once; so the figures derived from them do not depend on the order of delivery.
 */
record SubscriptionFacts(
    String startDay, String endDay, String currency, TreeMap<String, Long> pricesByDay) {

  static SubscriptionFacts none() {
    return new SubscriptionFacts(null, null, null, new TreeMap<>());
  }

  SubscriptionFacts started(String day) {
    return new SubscriptionFacts(earliest(startDay, day), endDay, currency, pricesByDay);
  }

  SubscriptionFacts ended(String day) {
    return new SubscriptionFacts(startDay, earliest(endDay, day), currency, pricesByDay);
  }

  SubscriptionFacts paid(String day, long amount, String paidCurrency) {
    TreeMap<String, Long> prices = new TreeMap<>(pricesByDay);
    prices.put(day, amount);
    return new SubscriptionFacts(
        startDay, endDay, currency != null ? currency : paidCurrency, prices);
  }

  /**
   * Adds (sign +1) or takes back (sign -1) what this subscription contributes to the days: one new
   * subscription on its start day, active from its start day until the day it ended, and its
   * monthly price in MRR from the start (or from each paid invoice) until it ended. Nothing before
   * it is known to have started.
   */
  void contributeTo(DailyBilling days, int sign) {
    if (startDay == null) {
      return;
    }
    String end = endDay == null ? null : latest(endDay, startDay);
    days.day(startDay).newSubscriptions += sign;
    days.day(startDay).activeChange += sign;
    if (end != null) {
      days.day(end).activeChange -= sign;
    }
    if (currency == null) {
      return;
    }
    long price = 0;
    for (Map.Entry<String, Long> invoice : pricesByDay.entrySet()) {
      String from = latest(invoice.getKey(), startDay);
      if (end != null && from.compareTo(end) >= 0) {
        break;
      }
      days.day(from).addMrrChange(currency, sign * (invoice.getValue() - price));
      price = invoice.getValue();
    }
    if (end != null && price != 0) {
      days.day(end).addMrrChange(currency, -sign * price);
    }
  }

  private static String earliest(String a, String b) {
    return a == null || b.compareTo(a) < 0 ? b : a;
  }

  private static String latest(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
