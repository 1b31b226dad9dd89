package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.accounts.EmailVerified;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.analytics.SignupsDaily;
import io.digitaltowns.events.analytics.SignupsDailyKey;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;

/** What one account event adds to the sign-ups of its day. */
final class SignupFigures {

  /**
   * Accounts belong to no town (a resident browses every town), so sign-ups are counted
   * platform-wide.
   */
  static final String ALL_TOWNS = "all";

  private SignupFigures() {}

  static boolean counts(SpecificRecord event) {
    return event instanceof UserRegistered || event instanceof EmailVerified;
  }

  static KeyValue<SignupsDailyKey, SignupsDaily> of(SpecificRecord event) {
    if (event instanceof UserRegistered registered) {
      String day = UtcDays.of(registered.getOccurredAt());
      return KeyValue.pair(
          new SignupsDailyKey(ALL_TOWNS, day),
          switch (registered.getSignupMethod()) {
            case GOOGLE -> new SignupsDaily(ALL_TOWNS, day, 1L, 0L, 1L, 0L, 0L);
            case FACEBOOK -> new SignupsDaily(ALL_TOWNS, day, 1L, 0L, 0L, 1L, 0L);
            case PASSWORD -> new SignupsDaily(ALL_TOWNS, day, 1L, 0L, 0L, 0L, 1L);
          });
    }
    String day = UtcDays.of(((EmailVerified) event).getOccurredAt());
    return KeyValue.pair(
        new SignupsDailyKey(ALL_TOWNS, day), new SignupsDaily(ALL_TOWNS, day, 0L, 1L, 0L, 0L, 0L));
  }

  static SignupsDaily add(SignupsDaily a, SignupsDaily b) {
    return new SignupsDaily(
        a.getTownId(),
        a.getDayUtc(),
        a.getRegistrations() + b.getRegistrations(),
        a.getVerified() + b.getVerified(),
        a.getViaGoogle() + b.getViaGoogle(),
        a.getViaFacebook() + b.getViaFacebook(),
        a.getViaPassword() + b.getViaPassword());
  }
}
