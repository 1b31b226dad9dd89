package io.digitaltowns.benchmark.modulithpeer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /events: 201 with the aggregate id (the Kafka key) once the event's transaction has
 * committed.
 */
@RestController
class BenchEventController {

  private final BenchEventService service;

  BenchEventController(BenchEventService service) {
    this.service = service;
  }

  @PostMapping("/events")
  ResponseEntity<String> publish() {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.publish());
  }
}
