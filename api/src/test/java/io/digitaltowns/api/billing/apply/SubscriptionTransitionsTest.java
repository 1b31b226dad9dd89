package io.digitaltowns.api.billing.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Activated;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.BillingEvent;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Canceled;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Ended;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Fact;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.InvoicePaid;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.InvoicePaymentFailed;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.PaymentFailed;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Renewed;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.State;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.SubscriptionSeen;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Transition;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transition table of docs/billing.md, row by row: (state × Stripe event) → (stored status,
 * billing events).
 */
class SubscriptionTransitionsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant T2 = T0.plusSeconds(120);
  private static final Instant PERIOD_END = Instant.parse("2026-04-01T10:00:00Z");

  private static SubscriptionSnapshot snapshot(String status, boolean cancelRequested) {
    return new SubscriptionSnapshot(
        "sub_1",
        "cus_1",
        null,
        status,
        PERIOD_END,
        cancelRequested ? PERIOD_END : null,
        cancelRequested,
        "canceled".equals(status) ? T1 : null,
        "canceled".equals(status) ? T1 : null,
        null,
        cancelRequested ? "cancellation_requested" : null);
  }

  private static State stored(
      String status,
      Instant asOf,
      boolean activated,
      boolean cancelAnnounced,
      boolean endAnnounced) {
    return new State(
        status, PERIOD_END, null, false, null, asOf, activated, cancelAnnounced, endAnnounced);
  }

  private static InvoiceFacts invoice(String billingReason) {
    return new InvoiceFacts(
        "in_1", "sub_1", "cus_1", billingReason, 1900, 1900, "eur", PERIOD_END, 1, T2);
  }

  static Stream<Arguments> table() {
    State unknown = State.UNKNOWN;
    State active = stored("active", T1, true, false, false);
    State canceled = stored("canceled", T1, true, true, true);
    return Stream.of(
        // state, Stripe says, stored status afterwards, billing events, stale
        Arguments.of(
            "a first active snapshot activates",
            unknown,
            seen("active", false, T1),
            "active",
            List.of(Activated.class),
            false),
        Arguments.of(
            "a first trialing snapshot activates",
            unknown,
            seen("trialing", false, T1),
            "trialing",
            List.of(Activated.class),
            false),
        Arguments.of(
            "an incomplete snapshot is stored and says nothing",
            unknown,
            seen("incomplete", false, T1),
            "incomplete",
            List.of(),
            false),
        Arguments.of(
            "a newer active snapshot of an active subscription changes the state only",
            active,
            seen("active", false, T2),
            "active",
            List.of(),
            false),
        Arguments.of(
            "an older snapshot proving nothing new is stale",
            active,
            seen("past_due", false, T0),
            "active",
            List.of(),
            true),
        Arguments.of(
            "a cancellation requested is announced once",
            active,
            seen("active", true, T2),
            "active",
            List.of(Canceled.class),
            false),
        Arguments.of(
            "a canceled snapshot announces the cancellation and the end",
            active,
            seen("canceled", true, T2),
            "canceled",
            List.of(Canceled.class, Ended.class),
            false),
        Arguments.of(
            "a canceled subscription never comes back",
            canceled,
            seen("active", false, T2),
            "canceled",
            List.of(),
            true),
        Arguments.of(
            "late evidence still counts: an old active snapshot after the end activates",
            stored("canceled", T2, false, true, true),
            seen("active", false, T0),
            "canceled",
            List.of(Activated.class),
            false),
        Arguments.of(
            "an expired incomplete subscription ends without a cancellation",
            unknown,
            seen("incomplete_expired", true, T1),
            "incomplete_expired",
            List.of(),
            false),
        Arguments.of(
            "the paid first invoice activates",
            unknown,
            new InvoicePaid(invoice("subscription_create"), T1, true),
            null,
            List.of(Activated.class),
            false),
        Arguments.of(
            "the paid first invoice of an active subscription says nothing more",
            active,
            new InvoicePaid(invoice("subscription_create"), T1, true),
            "active",
            List.of(),
            false),
        Arguments.of(
            "a paid renewal invoice renews",
            active,
            new InvoicePaid(invoice("subscription_cycle"), T2, true),
            "active",
            List.of(Renewed.class),
            false),
        Arguments.of(
            "a failed payment is announced",
            active,
            new InvoicePaymentFailed(invoice("subscription_cycle"), true),
            "active",
            List.of(PaymentFailed.class),
            false),
        Arguments.of(
            "an invoice payment seen before is stale",
            active,
            new InvoicePaid(invoice("subscription_cycle"), T2, false),
            "active",
            List.of(),
            true),
        Arguments.of(
            "a failed attempt seen before is stale",
            active,
            new InvoicePaymentFailed(invoice("subscription_cycle"), false),
            "active",
            List.of(),
            true));
  }

  private static Fact seen(String status, boolean cancelRequested, Instant asOf) {
    return new SubscriptionSeen(snapshot(status, cancelRequested), asOf);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void each_row_of_the_transition_table(
      String row,
      State state,
      Fact fact,
      String status,
      List<Class<? extends BillingEvent>> events,
      boolean stale) {
    Transition transition = SubscriptionTransitions.on(state, fact);

    assertThat(transition.next().status()).isEqualTo(status);
    assertThat(transition.events()).hasExactlyElementsOfTypes(events.toArray(Class<?>[]::new));
    assertThat(transition.stale()).isEqualTo(stale);
  }

  @Test
  void the_same_event_applied_to_the_state_it_produced_emits_nothing_again() {
    Fact canceledSnapshot = seen("canceled", true, T2);
    Transition first = SubscriptionTransitions.on(State.UNKNOWN, canceledSnapshot);
    Transition again = SubscriptionTransitions.on(first.next(), canceledSnapshot);

    assertThat(first.events()).hasExactlyElementsOfTypes(Canceled.class, Ended.class);
    assertThat(again.events()).isEmpty();
  }

  @Test
  void past_due_keeps_the_time_it_started() {
    Transition first =
        SubscriptionTransitions.on(
            stored("active", T0, true, false, false), seen("past_due", false, T1));
    Transition later = SubscriptionTransitions.on(first.next(), seen("past_due", false, T2));
    Transition paid =
        SubscriptionTransitions.on(later.next(), seen("active", false, T2.plusSeconds(1)));

    assertThat(first.next().pastDueSince()).isEqualTo(T1);
    assertThat(later.next().pastDueSince()).isEqualTo(T1);
    assertThat(paid.next().pastDueSince()).isNull();
  }

  @Test
  void an_activation_from_a_snapshot_carries_its_period_end_and_trial_end() {
    SubscriptionSnapshot trial =
        new SubscriptionSnapshot(
            "sub_1",
            "cus_1",
            null,
            "trialing",
            PERIOD_END,
            null,
            false,
            null,
            null,
            PERIOD_END,
            null);

    Transition transition =
        SubscriptionTransitions.on(State.UNKNOWN, new SubscriptionSeen(trial, T1));

    assertThat(transition.events())
        .containsExactly(new Activated("trialing", PERIOD_END, PERIOD_END));
    assertThat(transition.next().activated()).isTrue();
  }
}
