package io.digitaltowns.api.crm;

import io.digitaltowns.api.web.TraceParent;
import io.digitaltowns.readmodels.crm.CrmCompany;
import io.digitaltowns.readmodels.crm.CrmContact;
import io.digitaltowns.readmodels.crm.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CRM for admins (every /api/admin path needs the ADMIN role). Reads are as fresh as the crm
 * consumer group.
 */
@RestController
@Validated
@Tag(
    name = "CRM",
    description = "Contacts, companies, deals and timelines, built from the events (admin)")
@SecurityRequirement(name = "bearer")
class CrmController {

  private final CrmReadModel readModel;
  private final CrmNotes notes;

  CrmController(CrmReadModel readModel, CrmNotes notes) {
    this.readModel = readModel;
    this.notes = notes;
  }

  record NoteRequest(@NotBlank @Size(max = 5000) String text) {}

  @Operation(
      summary = "List or search companies, most recently changed first (admin)",
      description =
          "q matches part of the name, category, owner's name or owner's email, in any case.")
  @ApiResponse(
      responseCode = "503",
      description = "The read model does not exist yet (the consumers never ran)")
  @GetMapping("/api/admin/crm/companies")
  List<CrmCompany> companies(
      @RequestParam(required = false) @Size(max = 200) String q,
      @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") @Min(1) @Max(200)
          int limit) {
    return readModel.companies(q, limit);
  }

  @Operation(summary = "A company with its deals and timeline, oldest entry first (admin)")
  @ApiResponse(responseCode = "404", description = "No such company in the CRM")
  @GetMapping("/api/admin/crm/companies/{id}")
  CompanyDetail company(@PathVariable UUID id) {
    return readModel.companyDetail(id);
  }

  @Operation(
      summary =
          "A company's timeline: sign-off steps, messages, subscription changes and notes, oldest first (admin)")
  @ApiResponse(responseCode = "404", description = "No such company in the CRM")
  @GetMapping("/api/admin/crm/companies/{id}/timeline")
  List<TimelineEntry> timeline(@PathVariable UUID id) {
    readModel.company(id.toString()).orElseThrow(CompanyNotFoundException::new);
    return readModel.timelineOfCompany(id.toString());
  }

  @Operation(
      summary = "Add a note to a company's timeline (admin)",
      description =
          "The note is an event (CrmNoteAdded): it shows on the timeline once the crm consumer group has it, "
              + "usually within a second.")
  @ApiResponse(responseCode = "202", description = "Accepted; the answer holds the note's id")
  @ApiResponse(responseCode = "400", description = "No text, or more than 5000 characters")
  @ApiResponse(responseCode = "404", description = "No such company in the CRM")
  @PostMapping("/api/admin/crm/companies/{id}/notes")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, UUID> addNote(
      Authentication authentication,
      @PathVariable UUID id,
      @Valid @RequestBody NoteRequest request,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    UUID author = UUID.fromString(authentication.getName());
    return Map.of(
        "noteId", notes.add(id, author, request.text(), TraceParent.traceId(traceparent)));
  }

  @Operation(
      summary = "List or search contacts, most recently registered first (admin)",
      description = "q matches part of the display name or email address, in any case.")
  @GetMapping("/api/admin/crm/contacts")
  List<CrmContact> contacts(
      @RequestParam(required = false) @Size(max = 200) String q,
      @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") @Min(1) @Max(200)
          int limit) {
    return readModel.contacts(q, limit);
  }

  @Operation(summary = "A contact with the companies they own and their activity (admin)")
  @ApiResponse(responseCode = "404", description = "No such contact in the CRM")
  @GetMapping("/api/admin/crm/contacts/{id}")
  ContactDetail contact(@PathVariable UUID id) {
    return readModel.contactDetail(id);
  }
}
