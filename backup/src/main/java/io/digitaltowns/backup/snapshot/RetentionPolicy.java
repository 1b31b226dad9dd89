package io.digitaltowns.backup.snapshot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which snapshots to keep: the newest of each of the last {@code daily} days that have one, of the
 * last {@code weekly} ISO weeks and of the last {@code monthly} months (days, weeks and months in
 * {@code zone}). The newest snapshot is always kept, whatever the numbers say.
 */
public record RetentionPolicy(int daily, int weekly, int monthly, ZoneId zone) {

  public RetentionPolicy {
    if (daily < 0 || weekly < 0 || monthly < 0) {
      throw new IllegalArgumentException("snapshot retention counts must not be negative");
    }
  }

  /**
   * @return the times to keep, newest first; every other one may be deleted
   */
  public Set<Instant> keep(List<Instant> taken) {
    List<Instant> newestFirst = new ArrayList<>(taken);
    newestFirst.sort(Comparator.reverseOrder());
    Set<Instant> keep = new LinkedHashSet<>();
    if (!newestFirst.isEmpty()) {
      keep.add(newestFirst.get(0));
    }
    keepNewestPer(newestFirst, daily, at -> at.atZone(zone).toLocalDate().toString(), keep);
    keepNewestPer(
        newestFirst,
        weekly,
        at ->
            at.atZone(zone).get(IsoFields.WEEK_BASED_YEAR)
                + "-W"
                + at.atZone(zone).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
        keep);
    keepNewestPer(
        newestFirst,
        monthly,
        at -> at.atZone(zone).getYear() + "-" + at.atZone(zone).getMonthValue(),
        keep);
    return keep;
  }

  public List<Instant> prune(List<Instant> taken) {
    Set<Instant> keep = keep(taken);
    return taken.stream().filter(at -> !keep.contains(at)).sorted().toList();
  }

  private static void keepNewestPer(
      List<Instant> newestFirst, int periods, Function<Instant, String> period, Set<Instant> keep) {
    Set<String> seen = new LinkedHashSet<>();
    for (Instant at : newestFirst) {
      if (seen.size() == periods && !seen.contains(period.apply(at))) {
        return;
      }
      if (seen.add(period.apply(at))) {
        keep.add(at);
      }
    }
  }
}
