package io.digitaltowns.api.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backs the ops page (/ops/): relay status, consumer lag and dead letters in one admin-only call. */
@RestController
@RequestMapping("/api/admin/ops")
@EnableConfigurationProperties(OpsProperties.class)
@Tag(name = "Ops", description = "What the system is doing, for operators (admins only)")
class OpsStatusController {

  private final RelayStatusReader relay;
  private final KafkaStatusReader kafka;
  private final Clock clock;

  OpsStatusController(RelayStatusReader relay, KafkaStatusReader kafka, Clock clock) {
    this.relay = relay;
    this.kafka = kafka;
    this.clock = clock;
  }

  @GetMapping("/status")
  @Operation(summary = "Relay status, consumer group lag per topic, dead letters waiting",
      description = "Read-only. Kafka problems are reported in kafka.error rather than failing the call.",
      security = @SecurityRequirement(name = "bearer"))
  OpsStatus status() {
    return new OpsStatus(Instant.now(clock), relay.read(), kafka.read());
  }
}
