package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Contacts;
import io.digitaltowns.readmodels.crm.Timeline;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** A sign-up: a new contact, and a SIGNED_UP entry on their own timeline. */
@Component
class UserRegisteredProjection implements CrmViewHandler<UserRegistered> {

  private final Contacts contacts;
  private final Timeline timeline;

  UserRegisteredProjection(Contacts contacts, Timeline timeline) {
    this.contacts = contacts;
    this.timeline = timeline;
  }

  @Override
  public Class<UserRegistered> eventType() {
    return UserRegistered.class;
  }

  @Override
  public void handle(UserRegistered event) {
    String userId = event.getAggregateId();
    String method = String.valueOf(event.getSignupMethod());
    if (contacts.registered(userId, event.getEmail(), event.getDisplayName(), method, event.getOccurredAt())) {
      timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.SIGNED_UP,
          "Signed up (" + method.toLowerCase(Locale.ROOT) + ")").user(userId));
    }
  }
}
