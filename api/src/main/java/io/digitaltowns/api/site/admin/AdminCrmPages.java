package io.digitaltowns.api.site.admin;

import io.digitaltowns.api.crm.CrmNotes;
import io.digitaltowns.api.crm.CrmReadModel;
import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.api.site.layout.Notice;
import io.digitaltowns.api.web.TraceParent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The CRM for admins: companies and contacts with one search ({@code /admin/crm}), a company with
 * its deals, its timeline and a note form ({@code /admin/crm/companies/{id}}), a contact with their
 * companies and activity ({@code /admin/crm/contacts/{id}}). The read model and the note service
 * behind /api/admin/crm, called in process: the tables are in the api's own database, so this works
 * also where the JSON CRM endpoints are forwarded to a separate CRM service.
 */
@Controller
class AdminCrmPages {

  /** What the JSON search accepts. */
  static final int MAX_QUERY = 200;

  static final int LIMIT = 50;
  static final int MAX_NOTE = 5000;

  private final CrmReadModel readModel;
  private final CrmNotes notes;

  AdminCrmPages(CrmReadModel readModel, CrmNotes notes) {
    this.readModel = readModel;
    this.notes = notes;
  }

  @GetMapping("/admin/crm")
  String search(
      @RequestParam(required = false) String q, HttpServletResponse response, Model model) {
    String query = q == null ? "" : q.strip();
    model.addAttribute("q", query);
    model.addAttribute("limit", LIMIT);
    if (query.length() > MAX_QUERY) {
      response.setStatus(400);
      model.addAttribute("errors", FormErrors.of("q", "At most " + MAX_QUERY + " characters."));
      model.addAttribute("companies", List.of());
      model.addAttribute("contacts", List.of());
      return "admin/crm";
    }
    model.addAttribute("errors", FormErrors.none());
    model.addAttribute("companies", readModel.companies(query, LIMIT));
    model.addAttribute("contacts", readModel.contacts(query, LIMIT));
    return "admin/crm";
  }

  @GetMapping("/admin/crm/companies/{id}")
  String company(
      @PathVariable UUID id, @RequestParam(required = false) String notice, Model model) {
    return company(model, id, "", FormErrors.none(), Notice.messageFor(notice));
  }

  @PostMapping("/admin/crm/companies/{id}/notes")
  String addNote(
      @PathVariable UUID id,
      @RequestParam(required = false) String text,
      Authentication admin,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String note = text == null ? "" : text.strip();
    if (note.isEmpty() || note.length() > MAX_NOTE) {
      response.setStatus(400);
      return company(
          model,
          id,
          note,
          FormErrors.of(
              "text", note.isEmpty() ? "Write the note." : "At most " + MAX_NOTE + " characters."),
          null);
    }
    notes.add(
        id,
        UUID.fromString(admin.getName()),
        note,
        TraceParent.traceId(request.getHeader("traceparent")));
    return Notice.NOTE_ADDED.on("/admin/crm/companies/" + id);
  }

  @GetMapping("/admin/crm/contacts/{id}")
  String contact(@PathVariable UUID id, Model model) {
    model.addAttribute("detail", readModel.contactDetail(id));
    return "admin/crm-contact";
  }

  private String company(Model model, UUID id, String text, FormErrors errors, String notice) {
    model.addAttribute("detail", readModel.companyDetail(id));
    model.addAttribute("text", text);
    model.addAttribute("errors", errors);
    model.addAttribute("notice", notice);
    return "admin/crm-company";
  }
}
