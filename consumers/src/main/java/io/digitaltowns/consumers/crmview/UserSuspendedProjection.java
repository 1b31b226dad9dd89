package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.accounts.UserSuspended;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Contacts;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** An admin suspended the account: flagged on the contact, and on their timeline. */
@Component
class UserSuspendedProjection implements CrmViewHandler<UserSuspended> {

  private final Contacts contacts;
  private final Timeline timeline;

  UserSuspendedProjection(Contacts contacts, Timeline timeline) {
    this.contacts = contacts;
    this.timeline = timeline;
  }

  @Override
  public Class<UserSuspended> eventType() {
    return UserSuspended.class;
  }

  @Override
  public void handle(UserSuspended event) {
    contacts.suspended(event.getAggregateId(), true, event.getOccurredAt());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.SUSPENDED, "Account suspended")
        .user(event.getAggregateId()).actor(event.getSuspendedBy(), null));
  }
}
