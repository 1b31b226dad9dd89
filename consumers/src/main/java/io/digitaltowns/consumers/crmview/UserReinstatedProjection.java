package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.accounts.UserReinstated;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Contacts;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** An admin lifted the suspension. */
@Component
class UserReinstatedProjection implements CrmViewHandler<UserReinstated> {

  private final Contacts contacts;
  private final Timeline timeline;

  UserReinstatedProjection(Contacts contacts, Timeline timeline) {
    this.contacts = contacts;
    this.timeline = timeline;
  }

  @Override
  public Class<UserReinstated> eventType() {
    return UserReinstated.class;
  }

  @Override
  public void handle(UserReinstated event) {
    contacts.suspended(event.getAggregateId(), false, event.getOccurredAt());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.REINSTATED, "Account reinstated")
        .user(event.getAggregateId()).actor(event.getReinstatedBy(), null));
  }
}
