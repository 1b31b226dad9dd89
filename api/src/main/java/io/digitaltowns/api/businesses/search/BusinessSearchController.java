package io.digitaltowns.api.businesses.search;

import io.digitaltowns.api.businesses.Category;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public: no sign-in needed to discover a town's businesses. */
@RestController
class BusinessSearchController {

  private final BusinessSearch search;

  BusinessSearchController(BusinessSearch search) {
    this.search = search;
  }

  @Operation(
      summary = "Browse and search a town's published businesses",
      description =
          "`q` searches names and descriptions (ranked); featured businesses come first among equals. "
              + "Pass `nextCursor` of a page as `cursor` to get the next one.")
  @ApiResponse(responseCode = "404", description = "No such town")
  @ApiResponse(responseCode = "400", description = "Invalid parameter or cursor")
  @GetMapping("/api/towns/{slug}/businesses")
  BusinessCard.Page search(
      @PathVariable String slug,
      @RequestParam(required = false) @Size(max = 200) String q,
      @RequestParam(required = false) Category category,
      @Parameter(description = "only businesses open now, in the town's time zone")
          @RequestParam(defaultValue = "false")
          boolean openNow,
      @RequestParam(required = false) @Size(max = 500) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return search.search(slug, q, category, openNow, cursor, limit);
  }
}
