package io.digitaltowns.api.health;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The liveness answer the platform's health check polls; dependency health is on /actuator/health.
 */
@RestController
public class HealthController {

  @Operation(
      summary = "Liveness check",
      description = "Answers 200 while the process serves requests.")
  @GetMapping("/health")
  public Map<String, String> health() {
    return Map.of("status", "ok");
  }
}
