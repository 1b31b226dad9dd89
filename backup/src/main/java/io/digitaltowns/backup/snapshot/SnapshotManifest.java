package io.digitaltowns.backup.snapshot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a snapshot holds, uploaded next to its data as {@code snapshots/<id>/manifest.json}, last: a
 * snapshot without a manifest is incomplete. The schema versions say which migrations create the
 * tables the data fits.
 *
 * @param formatVersion 1
 * @param id the snapshot's folder name, its UTC time: {@code 2026-11-29T020000Z}
 * @param takenAt when the snapshot's transaction started
 * @param serverVersion PostgreSQL's {@code server_version}
 * @param schemaVersions per schema, the latest Flyway migration applied ({@code public} = the
 *     api's)
 * @param tables every table copied, with its columns and row count
 * @param sequences every sequence's last value (null: never used)
 * @param dataObject the key of the zip of the tables' COPY text
 * @param dataBytes its size
 * @param dataSha256 its SHA-256, hex
 */
public record SnapshotManifest(
    int formatVersion,
    String id,
    Instant takenAt,
    String serverVersion,
    Map<String, String> schemaVersions,
    List<Table> tables,
    List<Sequence> sequences,
    String dataObject,
    long dataBytes,
    String dataSha256) {

  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public record Table(String schema, String name, List<String> columns, long rows) {
    public String qualifiedName() {
      return Sql.identifier(schema) + "." + Sql.identifier(name);
    }

    /** Its entry in the data zip. */
    public String entry() {
      return schema + "/" + name + ".copy";
    }
  }

  public record Sequence(String schema, String name, Long lastValue) {}

  /**
   * The rows a restore brings back: every table's but the relay's state, which snapshots taken
   * before it was left out hold.
   */
  public long totalRows() {
    return restoredTables().stream().mapToLong(Table::rows).sum();
  }

  /** The tables a restore loads: all but the relay's state ({@link RelayState}). */
  public List<Table> restoredTables() {
    return tables.stream().filter(table -> !RelayState.isRelayState(table)).toList();
  }

  /** The tables of the relay's state an older snapshot holds, which a restore leaves out. */
  public List<Table> relayState() {
    return tables.stream().filter(RelayState::isRelayState).toList();
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SnapshotManifest fromJson(byte[] json) {
    try {
      return JSON.readValue(json, SnapshotManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a snapshot manifest", e);
    }
  }
}
