package io.digitaltowns.consumers.crm;

import io.digitaltowns.consumers.events.EventHandler;
import io.digitaltowns.events.accounts.EmailVerified;
import io.digitaltowns.events.accounts.UserDeleted;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.accounts.UserReinstated;
import io.digitaltowns.events.accounts.UserSuspended;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Contacts;
import io.digitaltowns.readmodels.crm.Timeline;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The contacts (crm_view_contacts) from the accounts' events, and the entries they leave on a
 * contact's timeline.
 */
@Component
class ContactProjection implements CrmProjection {

  private final Contacts contacts;
  private final Timeline timeline;

  ContactProjection(Contacts contacts, Timeline timeline) {
    this.contacts = contacts;
    this.timeline = timeline;
  }

  @Override
  public List<EventHandler<?>> handlers() {
    return List.of(
        EventHandler.of(UserRegistered.class, this::registered),
        EventHandler.of(EmailVerified.class, this::verified),
        EventHandler.of(UserSuspended.class, this::suspended),
        EventHandler.of(UserReinstated.class, this::reinstated),
        EventHandler.of(UserDeleted.class, this::deleted));
  }

  /** A sign-up: a new contact, and a SIGNED_UP entry on their own timeline. */
  void registered(UserRegistered event) {
    String userId = event.getAggregateId();
    String method = String.valueOf(event.getSignupMethod());
    if (contacts.registered(
        userId, event.getEmail(), event.getDisplayName(), method, event.getOccurredAt())) {
      timeline.record(
          Activity.of(
                  event.getEventId(),
                  event.getOccurredAt(),
                  ActivityKind.SIGNED_UP,
                  "Signed up (" + method.toLowerCase(Locale.ROOT) + ")")
              .user(userId));
    }
  }

  /** The contact proved their address. */
  void verified(EmailVerified event) {
    contacts.verified(event.getAggregateId(), event.getEmail(), event.getOccurredAt());
  }

  /** An admin suspended the account: flagged on the contact, and on their timeline. */
  void suspended(UserSuspended event) {
    contacts.suspended(event.getAggregateId(), true, event.getOccurredAt());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.SUSPENDED,
                "Account suspended")
            .user(event.getAggregateId())
            .actor(event.getSuspendedBy(), null));
  }

  /** An admin lifted the suspension. */
  void reinstated(UserReinstated event) {
    contacts.suspended(event.getAggregateId(), false, event.getOccurredAt());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.REINSTATED,
                "Account reinstated")
            .user(event.getAggregateId())
            .actor(event.getReinstatedBy(), null));
  }

  /**
   * The user deleted their account: their personal data leaves the read model (see {@link
   * Contacts#erase}).
   */
  void deleted(UserDeleted event) {
    contacts.erase(event.getAggregateId());
  }
}
