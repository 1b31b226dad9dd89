package io.digitaltowns.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArchiveFileNameTest {

  @Test
  void a_file_name_says_topic_day_partition_and_offsets_and_reads_back() {
    ArchiveFileName name =
        new ArchiveFileName("dt.accounts-v2.events", LocalDate.parse("2026-11-29"), 2, 100, 199);

    assertThat(name.key())
        .isEqualTo(
            "archive/dt.accounts-v2.events/2026-11-29/dt.accounts-v2.events-2-100-199.jsonl.gz");
    assertThat(ArchiveFileName.parse(name.key())).contains(name);
    assertThat(name.records()).isEqualTo(100);
  }

  @Test
  void other_objects_are_not_archive_files() {
    assertThat(ArchiveFileName.parse("snapshots/2026-11-29T020000Z/manifest.json")).isEmpty();
    assertThat(ArchiveFileName.parse("archive/dt.x/2026-11-29/dt.y-0-1-2.jsonl.gz")).isEmpty();
    assertThat(ArchiveFileName.parse("archive/dt.x/notadate/dt.x-0-1-2.jsonl.gz")).isEmpty();
  }

  @Test
  void the_subscription_takes_event_topics_and_schemas_but_not_dead_letters_or_derived_analytics() {
    Pattern subscription =
        new ArchiveSettings(
                Pattern.compile("dt\\..*|_schemas"),
                Pattern.compile(".*\\.dlt|dt\\.analytics\\..*"),
                10,
                10,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2))
            .subscription();

    assertThat(subscription.matcher("dt.accounts.events").matches()).isTrue();
    assertThat(subscription.matcher("dt.stripe.events").matches()).isTrue();
    assertThat(subscription.matcher("dt.accounts.events.email.dlt").matches()).isFalse();
    assertThat(subscription.matcher("dt.analytics.views").matches()).isFalse();
    assertThat(subscription.matcher("other.events").matches()).isFalse();
    assertThat(subscription.matcher("_schemas").matches()).isTrue();
    assertThat(subscription.matcher("__consumer_offsets").matches()).isFalse();
  }
}
