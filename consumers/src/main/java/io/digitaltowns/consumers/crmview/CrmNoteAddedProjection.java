package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.crm.CrmNoteAdded;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** An admin's note: on the company's timeline, with its author. */
@Component
class CrmNoteAddedProjection implements CrmViewHandler<CrmNoteAdded> {

  private final Timeline timeline;

  CrmNoteAddedProjection(Timeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public Class<CrmNoteAdded> eventType() {
    return CrmNoteAdded.class;
  }

  @Override
  public void handle(CrmNoteAdded event) {
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.NOTE, "Note")
        .business(event.getBusinessId()).actor(event.getAuthorId(), event.getAuthorName()).detail(event.getText())
        .reference(event.getNoteId()));
  }
}
