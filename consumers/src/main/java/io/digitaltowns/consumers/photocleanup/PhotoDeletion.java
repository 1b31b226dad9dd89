package io.digitaltowns.consumers.photocleanup;

import io.digitaltowns.consumers.crm.CleanupTimeline;
import io.digitaltowns.consumers.events.EventHandler;
import io.digitaltowns.events.businesses.BusinessDeleted;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A deleted listing leaves no file behind: every photo object the event names (attached or still
 * pending) is deleted from the bucket, and the company's CRM timeline says how many. The api also
 * deletes them right after its commit, but only once and without retrying; this reaction is the one
 * that is retried until it is done.
 */
@Component
class PhotoDeletion implements EventHandler<BusinessDeleted> {

  private static final Logger log = LoggerFactory.getLogger(PhotoDeletion.class);

  private final PhotoBucket bucket;
  private final CleanupTimeline timeline;

  PhotoDeletion(PhotoBucket bucket, CleanupTimeline timeline) {
    this.bucket = bucket;
    this.timeline = timeline;
  }

  @Override
  public Class<BusinessDeleted> eventType() {
    return BusinessDeleted.class;
  }

  @Override
  public void handle(BusinessDeleted event) {
    List<String> keys = event.getPhotoObjectKeys();
    if (keys.isEmpty()) {
      return;
    }
    bucket.deleteAll(keys);
    timeline.record(
        event.getEventId(),
        CleanupTimeline.Step.PHOTOS_DELETED,
        Instant.now(),
        event.getAggregateId(),
        keys.size() == 1
            ? "1 photo deleted from the store"
            : keys.size() + " photos deleted from the store",
        null);
    log.info(
        "photo-cleanup: {} photo object(s) of deleted business {} deleted",
        keys.size(),
        event.getAggregateId());
  }
}
