package io.digitaltowns.api.towns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public: anyone may see the towns. */
@RestController
class TownController {

  private final Towns towns;

  TownController(Towns towns) {
    this.towns = towns;
  }

  @Operation(summary = "List the towns")
  @GetMapping("/api/towns")
  List<Town> list() {
    return towns.all();
  }

  @Operation(summary = "One town, by its slug")
  @ApiResponse(responseCode = "404", description = "No such town")
  @GetMapping("/api/towns/{slug}")
  Town town(@PathVariable String slug) {
    return towns.bySlug(slug).orElseThrow(TownNotFoundException::new);
  }
}
