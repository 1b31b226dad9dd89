package io.digitaltowns.platform.relaystatus;

/**
 * The advisory lock the active relay holds ({@code pg_try_advisory_lock(id)}). PostgreSQL shows a
 * bigint key in {@code pg_locks} split in two: {@code classid} = the high 32 bits, {@code objid} =
 * the low 32 bits, {@code objsubid} = 1.
 */
public record RelayLockKey(long id) {

  public long high() {
    return id >>> 32;
  }

  public long low() {
    return id & 0xFFFF_FFFFL;
  }
}
