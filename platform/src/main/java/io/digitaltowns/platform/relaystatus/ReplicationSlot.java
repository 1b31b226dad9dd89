package io.digitaltowns.platform.relaystatus;

/**
 * What PostgreSQL says about a logical replication slot.
 *
 * @param activePid the session streaming from it, if any
 * @param activeApplication that session's {@code application_name}
 * @param lagBytes WAL written since the consumer last confirmed a position (null before a first
 *     confirmation)
 * @param retainedBytes WAL the server keeps for the slot (from its restart position)
 * @param walStatus {@code reserved}, {@code extended}, {@code unreserved} or {@code lost} (WAL it
 *     needed is gone)
 */
public record ReplicationSlot(
    String plugin,
    String database,
    boolean active,
    Integer activePid,
    String activeApplication,
    String confirmedFlushLsn,
    String currentLsn,
    Long lagBytes,
    Long retainedBytes,
    String walStatus) {}
