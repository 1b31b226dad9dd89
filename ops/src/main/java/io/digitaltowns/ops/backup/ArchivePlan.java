package io.digitaltowns.ops.backup;

import io.digitaltowns.backup.archive.ArchiveFileName;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.backup.store.StoredObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which archive files rebuild a topic over a range of days, partition by partition in offset order,
 * and what their names say about the archive: offsets held twice (a file uploaded again after a
 * crash cut its batch elsewhere: restored once) and offsets missing between two files (retention,
 * compaction or transaction markers before the archive started, or a gap worth a look).
 */
record ArchivePlan(
    String topic,
    Map<Integer, List<ArchiveFileName>> filesByPartition,
    Map<Integer, List<String>> gapsByPartition,
    Map<Integer, Long> overlapByPartition) {

  static ArchivePlan of(BackupStore store, String topic, LocalDate from, LocalDate to) {
    Map<Integer, List<ArchiveFileName>> files = new TreeMap<>();
    for (StoredObject object : store.list(ArchiveFileName.topicPrefix(topic))) {
      Optional<ArchiveFileName> name = ArchiveFileName.parse(object.key());
      if (name.isEmpty() || !name.get().topic().equals(topic)) {
        continue;
      }
      LocalDate day = name.get().date();
      if ((from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
        files.computeIfAbsent(name.get().partition(), ignored -> new ArrayList<>()).add(name.get());
      }
    }
    Map<Integer, List<String>> gaps = new TreeMap<>();
    Map<Integer, Long> overlaps = new TreeMap<>();
    files.forEach(
        (partition, names) -> {
          names.sort(
              Comparator.comparingLong(ArchiveFileName::firstOffset)
                  .thenComparingLong(ArchiveFileName::lastOffset));
          long next = -1;
          long overlap = 0;
          List<String> missing = new ArrayList<>();
          for (ArchiveFileName name : names) {
            if (next >= 0 && name.firstOffset() > next) {
              missing.add(next + ".." + (name.firstOffset() - 1));
            }
            if (next >= 0 && name.firstOffset() < next) {
              overlap += Math.min(next, name.lastOffset() + 1) - name.firstOffset();
            }
            next = Math.max(next, name.lastOffset() + 1);
          }
          gaps.put(partition, missing);
          overlaps.put(partition, overlap);
        });
    return new ArchivePlan(topic, files, gaps, overlaps);
  }

  boolean isEmpty() {
    return filesByPartition.isEmpty();
  }

  int partitionsNeeded() {
    return filesByPartition.keySet().stream().mapToInt(partition -> partition + 1).max().orElse(0);
  }

  long firstOffset(int partition) {
    return filesByPartition.get(partition).get(0).firstOffset();
  }

  long lastOffset(int partition) {
    return filesByPartition.get(partition).stream()
        .mapToLong(ArchiveFileName::lastOffset)
        .max()
        .orElse(-1);
  }

  LocalDate firstDay(int partition) {
    return filesByPartition.get(partition).stream()
        .map(ArchiveFileName::date)
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  LocalDate lastDay(int partition) {
    return filesByPartition.get(partition).stream()
        .map(ArchiveFileName::date)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }
}
