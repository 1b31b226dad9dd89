package io.digitaltowns.stack.faults;

import io.digitaltowns.backup.archive.ArchiveFileName;
import io.digitaltowns.backup.archive.ArchiveFiles;
import io.digitaltowns.backup.archive.ArchivedRecord;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.backup.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the backup group archived of the domain topics: for each event id, how many times it was
 * archived and from where. Each archive file is read once; a file that appears later (a new upload)
 * is read when it does.
 */
final class ArchivedEvents implements AutoCloseable {

  private final BackupStore store;
  private final List<String> topics;
  private final Set<String> filesRead = new HashSet<>();

  /** "topic/partition/offset" of each archived copy, by event id */
  private final Map<String, List<String>> placesByEventId = new HashMap<>();

  ArchivedEvents(BackupStore store, List<String> topics) {
    this.store = store;
    this.topics = topics;
  }

  void catchUp() {
    try {
      for (String topic : topics) {
        for (StoredObject object : store.list(ArchiveFileName.topicPrefix(topic))) {
          if (filesRead.contains(object.key())) {
            continue;
          }
          try (InputStream file = store.open(object.key())) {
            for (ArchivedRecord record : ArchiveFiles.read(file)) {
              record.headers().stream()
                  .filter(header -> header.key().equals("eventId"))
                  .findFirst()
                  .ifPresent(
                      eventId ->
                          placesByEventId
                              .computeIfAbsent(
                                  new String(eventId.value(), StandardCharsets.UTF_8),
                                  id -> new java.util.ArrayList<>())
                              .add(topic + "/" + record.partition() + "/" + record.offset()));
            }
          }
          filesRead.add(object.key());
        }
      }
    } catch (IOException | RuntimeException storeUnreachable) {
      // read again at the next pass
    }
  }

  /**
   * 0 when not archived (yet); 1 when once; more when the same Kafka record was archived more than
   * once.
   */
  long copiesOfSameRecord(String eventId) {
    List<String> places = placesByEventId.getOrDefault(eventId, List.of());
    return places.isEmpty() ? 0 : places.size() - places.stream().distinct().count() + 1;
  }

  @Override
  public void close() {
    store.close();
  }
}
