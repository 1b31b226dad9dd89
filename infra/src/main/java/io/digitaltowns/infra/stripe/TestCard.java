package io.digitaltowns.infra.stripe;

import java.util.Optional;

/**
 * Stripe's documented test card numbers (https://docs.stripe.com/testing) that the stand-in
 * understands.
 */
enum TestCard {
  /** Succeeds every time. */
  VISA("4242424242424242", true, true),
  /** Attaches to the customer, but every later charge is declined. */
  ATTACHES_THEN_DECLINED("4000000000000341", true, false),
  /** Declined at once (generic_decline). */
  DECLINED("4000000000000002", false, false);

  private final String number;
  private final boolean attaches;
  private final boolean laterChargesSucceed;

  TestCard(String number, boolean attaches, boolean laterChargesSucceed) {
    this.number = number;
    this.attaches = attaches;
    this.laterChargesSucceed = laterChargesSucceed;
  }

  /** The card typed (spaces and dashes allowed), if it is one the stand-in knows. */
  static Optional<TestCard> typed(String input) {
    String digits = input == null ? "" : input.replaceAll("[\\s-]", "");
    for (TestCard card : values()) {
      if (card.number.equals(digits)) {
        return Optional.of(card);
      }
    }
    return Optional.empty();
  }

  boolean attaches() {
    return attaches;
  }

  boolean laterChargesSucceed() {
    return laterChargesSucceed;
  }

  String last4() {
    return number.substring(number.length() - 4);
  }
}
