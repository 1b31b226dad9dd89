package io.digitaltowns.api.ops;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** The system at a glance, as the JSON status and the operations page show it. */
@Service
public class OpsStatuses {

  private final RelayStatusReader relay;
  private final KafkaStatusReader kafka;
  private final Clock clock;

  OpsStatuses(RelayStatusReader relay, KafkaStatusReader kafka, Clock clock) {
    this.relay = relay;
    this.kafka = kafka;
    this.clock = clock;
  }

  public OpsStatus current() {
    return new OpsStatus(Instant.now(clock), relay.read(), kafka.read());
  }
}
