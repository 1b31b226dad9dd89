package io.digitaltowns.consumers.analytics;

import java.util.TreeMap;

/**
 * What happened to subscriptions and money on one UTC day. Running totals (active subscriptions,
 * MRR) are kept as the day's change, so a late event rewrites one day and the totals of the days
 * after it follow.
 */
final class DayFigures {

  public long newSubscriptions;
  public long renewed;
  public long failed;
  public long canceled;
  public long activeChange;
  public TreeMap<String, Long> grossByCurrency = new TreeMap<>();
  public TreeMap<String, Long> paidInvoicesByCurrency = new TreeMap<>();
  public TreeMap<String, Long> mrrChangeByCurrency = new TreeMap<>();

  void addMrrChange(String currency, long change) {
    mrrChangeByCurrency.merge(currency, change, Long::sum);
  }

  void addPaidInvoice(String currency, long amount) {
    grossByCurrency.merge(currency, amount, Long::sum);
    paidInvoicesByCurrency.merge(currency, 1L, Long::sum);
  }
}
