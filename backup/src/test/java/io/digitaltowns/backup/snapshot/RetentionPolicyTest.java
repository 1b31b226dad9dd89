package io.digitaltowns.backup.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  private static final ZoneId UTC = ZoneOffset.UTC;

  /** A Sunday: the last day of ISO week 48. */
  private static final Instant LAST = Instant.parse("2026-11-29T02:00:00Z");

  private static List<Instant> nightly(int nights) {
    List<Instant> taken = new ArrayList<>();
    for (int night = 0; night < nights; night++) {
      taken.add(LAST.minus(Duration.ofDays(night)));
    }
    return taken;
  }

  @Test
  void a_year_of_nightly_snapshots_keeps_seven_days_four_weeks_and_twelve_months() {
    Set<Instant> keep = new RetentionPolicy(7, 4, 12, UTC).keep(nightly(400));

    // 7 nights, the Sundays of 3 earlier weeks, the last nights of 11 earlier months (one is also a
    // Sunday)
    assertThat(keep)
        .contains(LAST, LAST.minus(Duration.ofDays(6)))
        .doesNotContain(LAST.minus(Duration.ofDays(8)));
    assertThat(keep)
        .contains(
            Instant.parse("2026-11-22T02:00:00Z"),
            Instant.parse("2026-11-15T02:00:00Z"),
            Instant.parse("2026-11-08T02:00:00Z"));
    assertThat(keep).doesNotContain(Instant.parse("2026-11-01T02:00:00Z"));
    assertThat(keep)
        .contains(
            Instant.parse("2026-10-31T02:00:00Z"),
            Instant.parse("2026-09-30T02:00:00Z"),
            Instant.parse("2025-12-31T02:00:00Z"));
    assertThat(keep).doesNotContain(Instant.parse("2025-11-30T02:00:00Z"));
    assertThat(keep).hasSize(7 + 3 + 11);
  }

  @Test
  void pruning_returns_everything_not_kept_oldest_first() {
    List<Instant> taken = nightly(10);

    List<Instant> pruned = new RetentionPolicy(3, 0, 0, UTC).prune(taken);

    assertThat(pruned).hasSize(7).isSorted().doesNotContain(LAST, LAST.minus(Duration.ofDays(2)));
  }

  @Test
  void two_snapshots_of_one_day_keep_only_the_later() {
    Instant morning = Instant.parse("2026-11-29T02:00:00Z");
    Instant evening = Instant.parse("2026-11-29T20:00:00Z");

    assertThat(new RetentionPolicy(7, 0, 0, UTC).prune(List.of(morning, evening)))
        .containsExactly(morning);
  }

  @Test
  void the_newest_snapshot_is_kept_even_when_the_policy_keeps_nothing() {
    assertThat(new RetentionPolicy(0, 0, 0, UTC).keep(nightly(3))).containsExactly(LAST);
  }

  @Test
  void days_are_counted_in_the_configured_zone() {
    Instant lateSunday = Instant.parse("2026-11-29T23:30:00Z"); // Monday 00:30 in Berlin
    Instant sunday = Instant.parse("2026-11-29T02:00:00Z");

    assertThat(
            new RetentionPolicy(2, 0, 0, ZoneId.of("Europe/Berlin"))
                .keep(List.of(lateSunday, sunday)))
        .containsExactlyInAnyOrder(lateSunday, sunday);
    assertThat(new RetentionPolicy(2, 0, 0, UTC).keep(List.of(lateSunday, sunday)))
        .containsExactly(lateSunday);
  }
}
