package io.digitaltowns.consumers.crm;

import io.digitaltowns.consumers.events.EventHandler;
import io.digitaltowns.events.businesses.BusinessContacted;
import io.digitaltowns.events.crm.CrmNoteAdded;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.ErasedUsers;
import io.digitaltowns.readmodels.crm.Timeline;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The events that only add to a company's timeline (crm_view_activities): residents' messages and
 * admins' notes.
 */
@Component
class TimelineProjection implements CrmProjection {

  private final Timeline timeline;
  private final ErasedUsers erased;

  TimelineProjection(Timeline timeline, ErasedUsers erased) {
    this.timeline = timeline;
    this.erased = erased;
  }

  @Override
  public List<EventHandler<?>> handlers() {
    return List.of(
        EventHandler.of(BusinessContacted.class, this::contacted),
        EventHandler.of(CrmNoteAdded.class, this::noteAdded));
  }

  /**
   * A resident wrote to the business: the message is on the company's timeline, unless its sender
   * was erased.
   */
  void contacted(BusinessContacted event) {
    Activity message =
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.MESSAGE_RECEIVED,
                "Message from a resident")
            .business(event.getAggregateId())
            .user(event.getSenderId())
            .reference(event.getMessageId());
    timeline.record(
        erased.contains(event.getSenderId())
            ? message.actor(event.getSenderId(), null)
            : message.actor(event.getSenderId(), event.getSenderName()).detail(event.getMessage()));
  }

  /** An admin's note: on the company's timeline, with its author. */
  void noteAdded(CrmNoteAdded event) {
    timeline.record(
        Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.NOTE, "Note")
            .business(event.getBusinessId())
            .actor(event.getAuthorId(), event.getAuthorName())
            .detail(event.getText())
            .reference(event.getNoteId()));
  }
}
