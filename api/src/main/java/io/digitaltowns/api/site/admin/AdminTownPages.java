package io.digitaltowns.api.site.admin;

import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.api.site.layout.Notice;
import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.TownNotFoundException;
import io.digitaltowns.api.towns.Towns;
import io.digitaltowns.api.towns.admin.SlugTakenException;
import io.digitaltowns.api.towns.admin.TownAdministration;
import io.digitaltowns.api.towns.admin.TownRequest;
import io.digitaltowns.api.web.TraceParent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Towns for admins: the list with a form to create one ({@code /admin/towns}) and a town's edit
 * form ({@code /admin/towns/{id}}): name, slug, region, time zone. The same service and constraints
 * as /api/admin/towns.
 */
@Controller
class AdminTownPages {

  private final Towns towns;
  private final TownAdministration administration;
  private final Validator validator;

  AdminTownPages(Towns towns, TownAdministration administration, Validator validator) {
    this.towns = towns;
    this.administration = administration;
    this.validator = validator;
  }

  @GetMapping("/admin/towns")
  String towns(@RequestParam(required = false) String notice, Model model) {
    return list(model, TownForm.empty(), FormErrors.none(), Notice.messageFor(notice));
  }

  @PostMapping("/admin/towns")
  String create(
      TownForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
    TownRequest town = form.request();
    FormErrors errors = FormErrors.check(validator, town);
    if (errors.any()) {
      response.setStatus(400);
      return list(model, form, errors, null);
    }
    try {
      Town created =
          administration.create(
              town.name(),
              town.slug(),
              town.region(),
              town.timezone(),
              TraceParent.traceId(request.getHeader("traceparent")));
      return Notice.TOWN_CREATED.on("/admin/towns/" + created.id());
    } catch (SlugTakenException e) {
      response.setStatus(409);
      return list(model, form, slugTaken(), null);
    }
  }

  @GetMapping("/admin/towns/{id}")
  String town(@PathVariable UUID id, @RequestParam(required = false) String notice, Model model) {
    Town town = towns.byId(id).orElseThrow(TownNotFoundException::new);
    return edit(model, town, TownForm.of(town), FormErrors.none(), Notice.messageFor(notice));
  }

  @PostMapping("/admin/towns/{id}")
  String update(
      @PathVariable UUID id,
      TownForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Town before = towns.byId(id).orElseThrow(TownNotFoundException::new);
    TownRequest town = form.request();
    FormErrors errors = FormErrors.check(validator, town);
    if (errors.any()) {
      response.setStatus(400);
      return edit(model, before, form, errors, null);
    }
    try {
      administration.update(
          id,
          town.name(),
          town.slug(),
          town.region(),
          town.timezone(),
          TraceParent.traceId(request.getHeader("traceparent")));
      return Notice.TOWN_SAVED.on("/admin/towns/" + id);
    } catch (SlugTakenException e) {
      response.setStatus(409);
      return edit(model, before, form, slugTaken(), null);
    }
  }

  private static FormErrors slugTaken() {
    return FormErrors.of("slug", "Another town already has this slug.");
  }

  private String list(Model model, TownForm form, FormErrors errors, String notice) {
    model.addAttribute("towns", towns.all());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("notice", notice);
    return "admin/towns";
  }

  private String edit(Model model, Town town, TownForm form, FormErrors errors, String notice) {
    model.addAttribute("town", town);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("notice", notice);
    return "admin/town";
  }
}
