package io.digitaltowns.api.towns.admin;

import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (every /api/admin path). */
@RestController
@SecurityRequirement(name = "bearer")
class TownAdminController {

  private final TownAdministration administration;

  TownAdminController(TownAdministration administration) {
    this.administration = administration;
  }

  @Operation(summary = "Create a town (admin)")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "400", description = "Invalid fields")
  @ApiResponse(responseCode = "409", description = "The slug is taken")
  @PostMapping("/api/admin/towns")
  @ResponseStatus(HttpStatus.CREATED)
  Town create(
      @Valid @RequestBody TownRequest request,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return administration.create(
        request.name(),
        request.slug(),
        request.region(),
        request.timezone(),
        TraceParent.traceId(traceparent));
  }

  @Operation(summary = "Edit a town (admin)")
  @ApiResponse(responseCode = "404", description = "No such town")
  @ApiResponse(responseCode = "409", description = "The slug is taken")
  @PutMapping("/api/admin/towns/{id}")
  Town update(
      @PathVariable UUID id,
      @Valid @RequestBody TownRequest request,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return administration.update(
        id,
        request.name(),
        request.slug(),
        request.region(),
        request.timezone(),
        TraceParent.traceId(traceparent));
  }
}
