package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.analytics.EngagementDaily;
import io.digitaltowns.events.analytics.EngagementDailyKey;
import io.digitaltowns.events.businesses.BusinessContacted;
import io.digitaltowns.events.businesses.BusinessPhotoAdded;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;

/** What one business event adds to the engagement of that business on its day. */
final class EngagementFigures {

  private EngagementFigures() {}

  static boolean counts(SpecificRecord event) {
    return event instanceof BusinessContacted || event instanceof BusinessPhotoAdded;
  }

  static KeyValue<EngagementDailyKey, EngagementDaily> of(SpecificRecord event) {
    if (event instanceof BusinessContacted contacted) {
      String day = UtcDays.of(contacted.getOccurredAt());
      return KeyValue.pair(
          new EngagementDailyKey(contacted.getAggregateId(), day),
          new EngagementDaily(contacted.getAggregateId(), day, 1L, 0L));
    }
    BusinessPhotoAdded photo = (BusinessPhotoAdded) event;
    String day = UtcDays.of(photo.getOccurredAt());
    return KeyValue.pair(
        new EngagementDailyKey(photo.getAggregateId(), day),
        new EngagementDaily(photo.getAggregateId(), day, 0L, 1L));
  }

  static EngagementDaily add(EngagementDaily a, EngagementDaily b) {
    return new EngagementDaily(
        a.getBusinessId(),
        a.getDayUtc(),
        a.getContactMessages() + b.getContactMessages(),
        a.getPhotoUploads() + b.getPhotoUploads());
  }
}
