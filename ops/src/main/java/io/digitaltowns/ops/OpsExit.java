package io.digitaltowns.ops;

/**
 * The tool's exit codes, so that scripts and CI jobs can tell a drift from a refusal from a
 * failure.
 */
public final class OpsExit {

  /** Done, or nothing to do. */
  public static final int OK = 0;

  /**
   * Something went wrong (a server unreachable, a record not found, ...); the message says what.
   */
  public static final int FAILED = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /** A check found differences from what the system needs (missing topics, wrong settings). */
  public static final int DIFFERENCES = 3;

  /**
   * The tool refused to act because acting now would be unsafe (a consumer group still active,
   * ...).
   */
  public static final int REFUSED = 4;

  private OpsExit() {}
}
