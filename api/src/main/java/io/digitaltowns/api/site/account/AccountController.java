package io.digitaltowns.api.site.account;

import io.digitaltowns.api.accounts.RegistrationRequest;
import io.digitaltowns.api.accounts.login.LoginRequest;
import io.digitaltowns.api.accounts.login.PasswordSignIn;
import io.digitaltowns.api.accounts.profile.MyAccount;
import io.digitaltowns.api.accounts.profile.Profile;
import io.digitaltowns.api.accounts.profile.WrongCurrentPasswordException;
import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.ratelimit.LimitedAction;
import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.api.site.layout.Notice;
import io.digitaltowns.api.site.session.SiteSession;
import io.digitaltowns.api.web.TraceParent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My account: rename, change the password, sign out everywhere, delete the account (with the
 * password).
 */
@Controller
class AccountController {

  static final int MAX_NAME = 80;

  private final Profile profile;
  private final Sessions sessions;
  private final PasswordSignIn signIn;
  private final SiteSession session;
  private final Validator validator;
  private final AbuseLimits abuseLimits;

  AccountController(
      Profile profile,
      Sessions sessions,
      PasswordSignIn signIn,
      SiteSession session,
      Validator validator,
      AbuseLimits abuseLimits) {
    this.abuseLimits = abuseLimits;
    this.profile = profile;
    this.sessions = sessions;
    this.signIn = signIn;
    this.session = session;
    this.validator = validator;
  }

  /** The forms' fields; each form sends only its own. */
  record AccountForm(
      String displayName, String currentPassword, String newPassword, String password) {
    @Override
    public String toString() {
      return "AccountForm[***]";
    }
  }

  @GetMapping("/account")
  String account(
      Authentication authentication, @RequestParam(required = false) String notice, Model model) {
    return page(
        model, profile.show(userId(authentication)), FormErrors.none(), Notice.messageFor(notice));
  }

  @PostMapping("/account/name")
  String rename(
      Authentication authentication,
      AccountForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    UUID userId = userId(authentication);
    String name = form.displayName() == null ? "" : form.displayName().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      response.setStatus(400);
      return page(
          model,
          profile.show(userId),
          FormErrors.of(
              "displayName",
              name.isEmpty() ? "Enter a name." : "At most " + MAX_NAME + " characters."),
          null);
    }
    MyAccount renamed = profile.rename(userId, name);
    session.renamed(request, renamed.displayName());
    return Notice.RENAMED.on("/account");
  }

  @PostMapping("/account/password")
  String changePassword(
      Authentication authentication,
      AccountForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    UUID userId = userId(authentication);
    MyAccount me = profile.show(userId);
    Set<ConstraintViolation<RegistrationRequest>> weak =
        form.newPassword() == null
            ? Set.of()
            : validator.validateValue(RegistrationRequest.class, "password", form.newPassword());
    if (form.newPassword() == null || form.newPassword().isEmpty() || !weak.isEmpty()) {
      response.setStatus(400);
      return page(
          model,
          me,
          FormErrors.of(
              "newPassword",
              weak.isEmpty()
                  ? "Enter a new password."
                  : "The new password " + weak.iterator().next().getMessage() + "."),
          null);
    }
    abuseLimits.check(LimitedAction.CURRENT_PASSWORD, ClientAddress.of(request), userId.toString());
    try {
      profile.changePassword(
          userId, nullToEmpty(form.currentPassword()), form.newPassword(), traceId(request));
    } catch (WrongCurrentPasswordException e) {
      response.setStatus(400);
      return page(
          model, me, FormErrors.of("currentPassword", "This is not your current password."), null);
    }
    // changing the password ended every session, this one's too: sign this browser in again with
    // the new password
    session.signIn(
        request,
        signIn.signIn(
            new LoginRequest(me.email(), form.newPassword()),
            ClientAddress.of(request),
            traceId(request)),
        me.displayName());
    return Notice.PASSWORD_CHANGED.on("/account");
  }

  @PostMapping("/account/sign-out-everywhere")
  String signOutEverywhere(Authentication authentication, HttpServletRequest request) {
    sessions.endAll(userId(authentication));
    session.forget(request);
    return Notice.SIGNED_OUT_EVERYWHERE.on("/sign-in");
  }

  @PostMapping("/account/delete")
  String delete(
      Authentication authentication,
      AccountForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    UUID userId = userId(authentication);
    abuseLimits.check(LimitedAction.CURRENT_PASSWORD, ClientAddress.of(request), userId.toString());
    try {
      profile.deleteWithPassword(userId, nullToEmpty(form.password()), traceId(request));
    } catch (WrongCurrentPasswordException e) {
      response.setStatus(400);
      return page(
          model,
          profile.show(userId),
          FormErrors.of("password", "This is not your password. The account is not deleted."),
          null);
    }
    session.forget(request);
    return Notice.ACCOUNT_DELETED.on("/");
  }

  private String page(Model model, MyAccount me, FormErrors errors, String notice) {
    model.addAttribute("me", me);
    model.addAttribute("errors", errors);
    model.addAttribute("notice", notice);
    return "account/account";
  }

  private static UUID userId(Authentication authentication) {
    return UUID.fromString(authentication.getName());
  }

  private static String traceId(HttpServletRequest request) {
    return TraceParent.traceId(request.getHeader("traceparent"));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
