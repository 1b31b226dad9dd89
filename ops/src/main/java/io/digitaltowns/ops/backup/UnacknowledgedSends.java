package io.digitaltowns.ops.backup;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Counts the restore's sends that Kafka never acknowledged. Without it a restore that lost records
 * (a send expired after its retries) still reported every record as produced.
 */
final class UnacknowledgedSends implements Callback {

  private final AtomicLong count = new AtomicLong();
  private final AtomicReference<Exception> first = new AtomicReference<>();

  @Override
  public void onCompletion(RecordMetadata metadata, Exception failure) {
    if (failure != null) {
      count.incrementAndGet();
      first.compareAndSet(null, failure);
    }
  }

  void throwIfAny(String target, long sent) {
    if (count.get() > 0) {
      throw new IllegalStateException(
          count.get()
              + " of "
              + sent
              + " records were not acknowledged by Kafka ("
              + first.get()
              + "), so "
              + target
              + " holds an incomplete restore. Delete it (or choose another --to-topic) "
              + "and run the restore again.");
    }
  }
}
