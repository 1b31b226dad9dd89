package io.digitaltowns.events.wire;

import org.apache.avro.Schema;

/**
 * Subjects follow Confluent's RecordNameStrategy: one subject per event type, named after the
 * record's full name. Topics carry several event types (all events of one aggregate), so the
 * default topic-based naming would force unrelated records to be "compatible" with each other.
 */
public final class SubjectNaming {

  private SubjectNaming() {}

  public static String subjectFor(Schema schema) {
    return schema.getFullName();
  }
}
