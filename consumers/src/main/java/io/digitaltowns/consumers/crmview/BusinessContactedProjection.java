package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.businesses.BusinessContacted;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.ErasedUsers;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** A resident wrote to the business: the message is on the company's timeline, unless its sender was erased. */
@Component
class BusinessContactedProjection implements CrmViewHandler<BusinessContacted> {

  private final Timeline timeline;
  private final ErasedUsers erased;

  BusinessContactedProjection(Timeline timeline, ErasedUsers erased) {
    this.timeline = timeline;
    this.erased = erased;
  }

  @Override
  public Class<BusinessContacted> eventType() {
    return BusinessContacted.class;
  }

  @Override
  public void handle(BusinessContacted event) {
    Activity message = Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.MESSAGE_RECEIVED,
            "Message from a resident").business(event.getAggregateId()).user(event.getSenderId())
        .reference(event.getMessageId());
    timeline.record(erased.contains(event.getSenderId()) ? message.actor(event.getSenderId(), null)
        : message.actor(event.getSenderId(), event.getSenderName()).detail(event.getMessage()));
  }
}
