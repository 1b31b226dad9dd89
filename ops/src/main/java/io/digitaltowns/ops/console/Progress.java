package io.digitaltowns.ops.console;

import java.io.PrintWriter;

/**
 * A plain counter line every so many items, on the error stream so that the command's output stays
 * clean for pipes and scripts: {@code dt.accounts.events.email.dlt: 3000 of 12450 records}.
 */
public final class Progress {

  public static final int EVERY = 1_000;

  private final PrintWriter out;
  private final String label;
  private final long total;
  private long count;

  /**
   * @param total the expected number of items, or a negative number when unknown
   */
  public Progress(PrintWriter out, String label, long total) {
    this.out = out;
    this.label = label;
    this.total = total;
  }

  public void step() {
    count++;
    if (count % EVERY == 0) {
      print();
    }
  }

  /** Prints the final count when a counter line was printed before (a short run prints nothing). */
  public void finish() {
    if (count >= EVERY && count % EVERY != 0) {
      print();
    }
  }

  public long count() {
    return count;
  }

  private void print() {
    out.println(total >= 0 ? label + ": " + count + " of " + total : label + ": " + count);
    out.flush();
  }
}
