package io.digitaltowns.api.site.admin;

import io.digitaltowns.api.accounts.admin.SelfSuspensionException;
import io.digitaltowns.api.accounts.admin.Suspensions;
import io.digitaltowns.api.accounts.admin.UserDirectory;
import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.api.site.layout.Notice;
import io.digitaltowns.api.web.TraceParent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Users for admins: search, roles, status and sign-in methods ({@code /admin/users}), and one
 * user's page with suspend and reinstate, each with a reason ({@code /admin/users/{id}}). The same
 * services as /api/admin/users/**.
 */
@Controller
class AdminUserPages {

  static final int PAGE_SIZE = 25;

  /** What the JSON list accepts. */
  static final int MAX_QUERY = 100;

  static final int MAX_PAGE = 10_000;

  private final UserDirectory directory;
  private final Suspensions suspensions;

  AdminUserPages(UserDirectory directory, Suspensions suspensions) {
    this.directory = directory;
    this.suspensions = suspensions;
  }

  @GetMapping("/admin/users")
  String users(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      HttpServletResponse response,
      Model model) {
    String query = q == null ? "" : q.strip();
    model.addAttribute("q", query);
    if (query.length() > MAX_QUERY || page < 0 || page > MAX_PAGE) {
      response.setStatus(400);
      model.addAttribute(
          "errors",
          FormErrors.of(
              "q",
              query.length() > MAX_QUERY
                  ? "At most " + MAX_QUERY + " characters."
                  : "There is no such page of results."));
      model.addAttribute("results", null);
      return "admin/users";
    }
    model.addAttribute("errors", FormErrors.none());
    model.addAttribute("results", directory.search(query, page, PAGE_SIZE));
    return "admin/users";
  }

  @GetMapping("/admin/users/{id}")
  String user(@PathVariable UUID id, @RequestParam(required = false) String notice, Model model) {
    return page(model, id, "", FormErrors.none(), Notice.messageFor(notice));
  }

  @PostMapping("/admin/users/{id}/suspend")
  String suspend(
      @PathVariable UUID id,
      @RequestParam(required = false) String reason,
      Authentication admin,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return change(id, reason, true, admin, request, response, model);
  }

  @PostMapping("/admin/users/{id}/reinstate")
  String reinstate(
      @PathVariable UUID id,
      @RequestParam(required = false) String reason,
      Authentication admin,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return change(id, reason, false, admin, request, response, model);
  }

  private String change(
      UUID id,
      String reason,
      boolean suspend,
      Authentication admin,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > Suspensions.MAX_REASON) {
      response.setStatus(400);
      return page(
          model,
          id,
          why,
          FormErrors.of(
              "reason",
              why.isEmpty()
                  ? "Give the reason: the next admin reads it here."
                  : "At most " + Suspensions.MAX_REASON + " characters."),
          null);
    }
    UUID adminId = UUID.fromString(admin.getName());
    String traceId = TraceParent.traceId(request.getHeader("traceparent"));
    try {
      if (suspend) {
        suspensions.suspend(id, adminId, why, traceId);
      } else {
        suspensions.reinstate(id, adminId, why, traceId);
      }
    } catch (SelfSuspensionException e) {
      response.setStatus(409);
      return page(
          model,
          id,
          why,
          FormErrors.of("", "You cannot suspend yourself: ask another admin."),
          null);
    }
    return (suspend ? Notice.USER_SUSPENDED : Notice.USER_REINSTATED).on("/admin/users/" + id);
  }

  private String page(Model model, UUID id, String reason, FormErrors errors, String notice) {
    model.addAttribute("user", directory.byId(id));
    model.addAttribute("changes", directory.statusChanges(id));
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    model.addAttribute("notice", notice);
    return "admin/user";
  }
}
