package io.digitaltowns.backup.snapshot;

import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.backup.store.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshots in the backup bucket: {@code snapshots/<id>/data.zip} then {@code
 * snapshots/<id>/manifest.json} (uploaded last: only a snapshot with a manifest counts). Takes,
 * lists, finds and prunes them.
 */
public final class SnapshotCatalog {

  public static final String PREFIX = "snapshots/";
  private static final String MANIFEST = "manifest.json";
  private static final String DATA = "data.zip";
  private static final DateTimeFormatter ID =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** An unfinished snapshot younger than this may still be uploading on another instance. */
  private static final Duration UNFINISHED_GRACE = Duration.ofDays(1);

  private static final Logger log = LoggerFactory.getLogger(SnapshotCatalog.class);

  private final BackupStore store;
  private final Clock clock;

  public SnapshotCatalog(BackupStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A snapshot of the schemas, uploaded; the connection is only read. */
  public SnapshotManifest take(Connection connection, List<String> schemas)
      throws SQLException, IOException {
    String id = ID.format(clock.instant());
    String dataKey = PREFIX + id + "/" + DATA;
    Path zip = Files.createTempFile("snapshot-", ".zip");
    try {
      SnapshotManifest manifest = new SnapshotWriter(schemas).write(connection, zip, id, dataKey);
      store.upload(dataKey, zip);
      store.upload(PREFIX + id + "/" + MANIFEST, manifest.toJson(), "application/json");
      return manifest;
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  /** Every complete snapshot, oldest first. */
  public List<SnapshotManifest> list() {
    List<SnapshotManifest> manifests = new ArrayList<>();
    for (StoredObject object : store.list(PREFIX)) {
      if (object.key().endsWith("/" + MANIFEST)) {
        manifests.add(SnapshotManifest.fromJson(store.read(object.key())));
      }
    }
    return manifests;
  }

  /**
   * By id ({@code 2026-11-29T020000Z}), folder ({@code snapshots/<id>/}) or the key of its manifest
   * or data.
   */
  public Optional<SnapshotManifest> find(String reference) {
    String id = reference;
    if (id.startsWith(PREFIX)) {
      id = id.substring(PREFIX.length());
    }
    int slash = id.indexOf('/');
    if (slash >= 0) {
      id = id.substring(0, slash);
    }
    String key = PREFIX + id + "/" + MANIFEST;
    if (!store.exists(key)) {
      return Optional.empty();
    }
    return Optional.of(SnapshotManifest.fromJson(store.read(key)));
  }

  public void download(SnapshotManifest manifest, Path zip) throws IOException {
    Files.deleteIfExists(zip);
    store.download(manifest.dataObject(), zip);
  }

  /**
   * Deletes the snapshots the policy does not keep, and unfinished ones (data without a manifest)
   * older than a day. The manifest goes first, so an interrupted prune leaves an unfinished
   * snapshot, never a manifest without its data.
   *
   * @return the ids deleted
   */
  public List<String> prune(RetentionPolicy policy) {
    Map<String, List<String>> keysById = new LinkedHashMap<>();
    Map<String, Instant> newestUpload = new LinkedHashMap<>();
    for (StoredObject object : store.list(PREFIX)) {
      String rest = object.key().substring(PREFIX.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        continue;
      }
      String id = rest.substring(0, slash);
      keysById.computeIfAbsent(id, ignored -> new ArrayList<>()).add(object.key());
      newestUpload.merge(id, object.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
    }
    Map<Instant, String> complete = new LinkedHashMap<>();
    List<String> delete = new ArrayList<>();
    keysById.forEach(
        (id, keys) -> {
          Optional<Instant> taken = parseId(id);
          if (keys.contains(PREFIX + id + "/" + MANIFEST) && taken.isPresent()) {
            complete.put(taken.get(), id);
          } else if (newestUpload.get(id).isBefore(clock.instant().minus(UNFINISHED_GRACE))) {
            delete.add(id);
          }
        });
    for (Instant old : policy.prune(new ArrayList<>(complete.keySet()))) {
      delete.add(complete.get(old));
    }
    for (String id : delete) {
      List<String> keys = new ArrayList<>(keysById.get(id));
      keys.sort((a, b) -> a.endsWith(MANIFEST) ? -1 : b.endsWith(MANIFEST) ? 1 : a.compareTo(b));
      keys.forEach(store::delete);
      log.info("snapshot {} pruned", id);
    }
    return delete;
  }

  static Optional<Instant> parseId(String id) {
    try {
      return Optional.of(Instant.from(ID.parse(id)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
