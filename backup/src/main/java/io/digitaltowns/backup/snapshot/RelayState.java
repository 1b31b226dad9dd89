package io.digitaltowns.backup.snapshot;

/**
 * The relay's own table in the api's schema: Debezium's offsets ({@code public.relay_offsets},
 * created by the relay itself at its first start, not by a migration). Its rows are positions
 * (LSNs) in the write-ahead log of the server they were written on, read back through that server's
 * replication slot. They mean nothing to another server: a restored database has no slot, and an
 * old LSN ahead of the new server's log would make the relay skip every event written until the new
 * log reached it. So a snapshot leaves the table out, a restore skips it where an older snapshot
 * holds it, and the relay on the restored database starts as on a first start: a new slot, and the
 * outbox rows still present published again, which the consumers' {@code processed_events}
 * (restored too) skip.
 *
 * <p>The name is the relay's default ({@code digitaltowns.relay.offsets-table}, {@code
 * RelayProperties}); the stack's restore drill checks that the two agree.
 */
public final class RelayState {

  public static final String SCHEMA = "public";
  public static final String OFFSETS_TABLE = "relay_offsets";

  private RelayState() {}

  /** Whether the table holds the relay's position rather than data a restore brings back. */
  public static boolean isRelayState(String schema, String table) {
    return SCHEMA.equals(schema) && OFFSETS_TABLE.equals(table);
  }

  public static boolean isRelayState(SnapshotManifest.Table table) {
    return isRelayState(table.schema(), table.name());
  }
}
