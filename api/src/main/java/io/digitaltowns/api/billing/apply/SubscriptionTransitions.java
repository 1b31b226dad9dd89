package io.digitaltowns.api.billing.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure transition function of one subscription: (stored state × what a Stripe event says) →
 * (new state + the billing events to emit). No database, no clock, no Stripe: {@link
 * SubscriptionLedger} loads the state, asks here, stores the answer ({@link SubscriptionStore}) and
 * emits its events ({@link BillingEventEmitter}). The table, as in {@code docs/billing.md}:
 *
 * <pre>
 * Stripe says                         state                                              billing events (each once)
 * subscription snapshot as of t       stored unless the stored state is newer than t,    SubscriptionActivated on the
 *   (created/updated/deleted/...)       or ended and the snapshot is not; past_due         first active/trialing one;
 *                                       keeps the time it started                          SubscriptionCanceled on the first
 *                                                                                          with a cancellation (not for
 *                                                                                          incomplete_expired);
 *                                                                                          SubscriptionEnded on the first
 *                                                                                          canceled one — old or not
 * invoice.paid, first invoice         unchanged                                          SubscriptionActivated (if not yet)
 * invoice.paid, renewal               unchanged                                          SubscriptionRenewed (per invoice)
 * invoice.payment_failed              unchanged                                          PaymentFailed (per invoice and
 *                                                                                          attempt)
 * an invoice (attempt) seen before    unchanged: stale                                   none
 * </pre>
 */
final class SubscriptionTransitions {

  private SubscriptionTransitions() {}

  /**
   * The billing state of one subscription, as stored; the three flags say which once-only events
   * were emitted.
   */
  record State(
      String status,
      Instant currentPeriodEnd,
      Instant cancelAt,
      boolean cancelRequested,
      Instant pastDueSince,
      Instant stateAsOf,
      boolean activated,
      boolean cancelAnnounced,
      boolean endAnnounced) {

    /** A subscription known by id only: no snapshot stored yet, nothing emitted. */
    static final State UNKNOWN =
        new State(null, null, null, false, null, null, false, false, false);

    boolean ended() {
      return status != null && SubscriptionSnapshot.ENDED.contains(status);
    }

    State withSnapshot(SubscriptionSnapshot snapshot, Instant pastDueSince, Instant asOf) {
      return new State(
          snapshot.status(),
          snapshot.currentPeriodEnd(),
          snapshot.cancelAt(),
          snapshot.cancelRequested(),
          pastDueSince,
          asOf,
          activated,
          cancelAnnounced,
          endAnnounced);
    }

    State withActivated() {
      return new State(
          status,
          currentPeriodEnd,
          cancelAt,
          cancelRequested,
          pastDueSince,
          stateAsOf,
          true,
          cancelAnnounced,
          endAnnounced);
    }

    State withCancelAnnounced() {
      return new State(
          status,
          currentPeriodEnd,
          cancelAt,
          cancelRequested,
          pastDueSince,
          stateAsOf,
          activated,
          true,
          endAnnounced);
    }

    State withEndAnnounced() {
      return new State(
          status,
          currentPeriodEnd,
          cancelAt,
          cancelRequested,
          pastDueSince,
          stateAsOf,
          activated,
          cancelAnnounced,
          true);
    }
  }

  /** What one Stripe event says about a subscription. */
  sealed interface Fact permits SubscriptionSeen, InvoicePaid, InvoicePaymentFailed {}

  /**
   * A subscription object as of Stripe's time {@code asOf} (the event's {@code created}, or when it
   * was fetched).
   */
  record SubscriptionSeen(SubscriptionSnapshot snapshot, Instant asOf) implements Fact {}

  /**
   * {@code invoice.paid}.
   *
   * @param firstRecord whether this payment of the invoice was recorded now (false: delivered
   *     before)
   */
  record InvoicePaid(InvoiceFacts invoice, Instant created, boolean firstRecord) implements Fact {}

  /**
   * {@code invoice.payment_failed}.
   *
   * @param firstRecord whether this failed attempt of the invoice was recorded now (false:
   *     delivered before)
   */
  record InvoicePaymentFailed(InvoiceFacts invoice, boolean firstRecord) implements Fact {}

  /**
   * A billing event to emit on {@code dt.billing.events}, before the envelope and the owner are
   * added.
   */
  sealed interface BillingEvent {}

  record Activated(String status, Instant currentPeriodEnd, Instant trialEnd)
      implements BillingEvent {}

  record Canceled(Instant cancelAt, String reason) implements BillingEvent {}

  record Ended(Instant endedAt, String reason) implements BillingEvent {}

  record Renewed(Instant currentPeriodEnd, long amount, String currency, String invoiceId)
      implements BillingEvent {}

  record PaymentFailed(long amount, String currency, String invoiceId, Instant nextPaymentAttempt)
      implements BillingEvent {}

  /**
   * The answer.
   *
   * @param next the state to store
   * @param snapshotStored whether the snapshot replaced the stored state (its columns are written)
   * @param events what to emit, in this order
   * @param stale whether the event changed nothing (an old snapshot that proved nothing new, a
   *     repeated invoice)
   */
  record Transition(State next, boolean snapshotStored, List<BillingEvent> events, boolean stale) {}

  static Transition on(State state, Fact fact) {
    if (fact instanceof SubscriptionSeen seen) {
      return seen(state, seen.snapshot(), seen.asOf());
    }
    if (fact instanceof InvoicePaid paid) {
      return paid(state, paid);
    }
    InvoicePaymentFailed failed = (InvoicePaymentFailed) fact;
    if (!failed.firstRecord()) {
      return new Transition(state, false, List.of(), true);
    }
    InvoiceFacts invoice = failed.invoice();
    return new Transition(
        state,
        false,
        List.of(
            new PaymentFailed(
                invoice.amountDue(),
                invoice.currency(),
                invoice.id(),
                invoice.nextPaymentAttempt())),
        false);
  }

  /**
   * A snapshot is stored unless the stored state is newer (by Stripe time) or ended; on equal times
   * an ended snapshot wins, and between two live snapshots of the same second the later delivery
   * wins. Its evidence counts either way.
   */
  private static Transition seen(State state, SubscriptionSnapshot snapshot, Instant asOf) {
    boolean store =
        state.stateAsOf() == null
            || !((state.ended() && !snapshot.ended()) || asOf.isBefore(state.stateAsOf()));
    State next = state;
    if (store) {
      Instant pastDueSince = null;
      if ("past_due".equals(snapshot.status())) {
        pastDueSince =
            "past_due".equals(state.status()) && state.pastDueSince() != null
                ? state.pastDueSince()
                : asOf;
      }
      next = state.withSnapshot(snapshot, pastDueSince, asOf);
    }
    List<BillingEvent> events = new ArrayList<>();
    if (snapshot.active() && !next.activated()) {
      events.add(
          new Activated(
              snapshot.status(),
              firstNonNull(snapshot.currentPeriodEnd(), next.currentPeriodEnd(), asOf),
              snapshot.trialEnd()));
      next = next.withActivated();
    }
    boolean canceled = "canceled".equals(snapshot.status());
    if ((snapshot.cancelRequested() || canceled)
        && !"incomplete_expired".equals(snapshot.status())
        && !next.cancelAnnounced()) {
      events.add(new Canceled(snapshot.cancelAt(), snapshot.cancellationReason()));
      next = next.withCancelAnnounced();
    }
    if (canceled && !next.endAnnounced()) {
      events.add(
          new Ended(
              firstNonNull(snapshot.endedAt(), snapshot.canceledAt(), asOf),
              snapshot.cancellationReason()));
      next = next.withEndAnnounced();
    }
    return new Transition(next, store, List.copyOf(events), !store && events.isEmpty());
  }

  /** The first invoice's payment proves the subscription active; a later one renews it. */
  private static Transition paid(State state, InvoicePaid paid) {
    if (!paid.firstRecord()) {
      return new Transition(state, false, List.of(), true);
    }
    InvoiceFacts invoice = paid.invoice();
    Instant periodEnd = firstNonNull(invoice.periodEnd(), state.currentPeriodEnd(), paid.created());
    if (!invoice.firstOfSubscription()) {
      return new Transition(
          state,
          false,
          List.of(new Renewed(periodEnd, invoice.amountPaid(), invoice.currency(), invoice.id())),
          false);
    }
    if (state.activated()) {
      return new Transition(state, false, List.of(), false);
    }
    String status =
        state.status() != null && SubscriptionSnapshot.ACTIVE.contains(state.status())
            ? state.status()
            : "active";
    return new Transition(
        state.withActivated(), false, List.of(new Activated(status, periodEnd, null)), false);
  }

  @SafeVarargs
  static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
