package io.digitaltowns.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

/**
 * The record of what was redriven, as both the ops tool and the operations page keep it in a
 * group's offsets.
 */
class RedriveLedgerTest {

  @Test
  void nothing_is_redriven_before_the_first_commit() {
    RedriveLedger ledger = RedriveLedger.from(null);

    assertThat(ledger.isRedriven(0)).isFalse();
    assertThat(ledger.watermark()).isZero();
  }

  @Test
  void single_redrives_above_the_watermark_survive_a_commit_and_merge_into_it_once_contiguous() {
    RedriveLedger ledger = RedriveLedger.from(new OffsetAndMetadata(2, ""));
    ledger.markRedriven(5);
    ledger.markRedriven(7);
    ledger.markRedriven(8);

    OffsetAndMetadata committed = ledger.toOffsetAndMetadata();
    RedriveLedger read = RedriveLedger.from(committed);

    assertThat(committed.offset()).isEqualTo(2);
    assertThat(committed.metadata()).isEqualTo("redriven=5,7-8");
    assertThat(read.isRedriven(1)).isTrue();
    assertThat(read.isRedriven(5)).isTrue();
    assertThat(read.isRedriven(6)).isFalse();
    assertThat(read.redrivenBetween(0, 10)).isEqualTo(2 + 3);

    read.markRedriven(2);
    read.markRedriven(3);
    read.markRedriven(4);

    assertThat(read.watermark()).isEqualTo(6);
    assertThat(read.toOffsetAndMetadata().metadata()).isEqualTo("redriven=7-8");
  }
}
