package io.digitaltowns.api.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Relay status, consumer lag and dead letters in one admin-only call (what the operations page
 * shows, as JSON).
 */
@RestController
@RequestMapping("/api/admin/ops")
@EnableConfigurationProperties(OpsProperties.class)
@Tag(name = "Ops", description = "What the system is doing, for operators (admins only)")
class OpsStatusController {

  private final OpsStatuses statuses;

  OpsStatusController(OpsStatuses statuses) {
    this.statuses = statuses;
  }

  @GetMapping("/status")
  @Operation(
      summary = "Relay status, consumer group lag per topic, dead letters waiting",
      description =
          "Read-only. Kafka problems are reported in kafka.error rather than failing the call.",
      security = @SecurityRequirement(name = "bearer"))
  OpsStatus status() {
    return statuses.current();
  }
}
