package io.digitaltowns.api.site.signin;

import io.digitaltowns.api.accounts.RegistrationRequest;
import io.digitaltowns.api.accounts.links.InvalidLinkException;
import io.digitaltowns.api.accounts.login.AccountSuspendedException;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.api.accounts.verification.EmailVerification;
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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the welcome mail's link opens ({@code /api/auth/verify-email?token=} redirects here).
 * Opening it changes nothing (mail scanners open links); the form asks the address's owner to
 * choose the password, and posting it confirms the address, ends every earlier session and signs
 * the owner in (EmailVerification.confirm, the service behind POST /api/auth/verify-email).
 */
@Controller
class EmailConfirmationPages {

  private final EmailVerification verification;
  private final SiteSession session;
  private final SignedInName names;
  private final Validator validator;
  private final AbuseLimits abuseLimits;

  EmailConfirmationPages(
      EmailVerification verification,
      SiteSession session,
      SignedInName names,
      Validator validator,
      AbuseLimits abuseLimits) {
    this.abuseLimits = abuseLimits;
    this.verification = verification;
    this.session = session;
    this.names = names;
    this.validator = validator;
  }

  record ConfirmForm(String token, String password) {
    @Override
    public String toString() {
      return "ConfirmForm[***]";
    }
  }

  @GetMapping("/verify-email")
  String confirmPage(@RequestParam(required = false) String token, Model model) {
    return form(model, token, FormErrors.none());
  }

  @PostMapping("/verify-email")
  String confirm(
      ConfirmForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
    Set<ConstraintViolation<RegistrationRequest>> weak =
        form.password() == null
            ? Set.of()
            : validator.validateValue(RegistrationRequest.class, "password", form.password());
    if (form.password() == null || form.password().isEmpty() || !weak.isEmpty()) {
      response.setStatus(400);
      return form(
          model,
          form.token(),
          FormErrors.of(
              "password",
              weak.isEmpty()
                  ? "Choose a password."
                  : "The password " + weak.iterator().next().getMessage() + "."));
    }
    if (form.token() == null || form.token().isBlank() || form.token().length() > 200) {
      response.setStatus(400);
      return form(model, null, FormErrors.none());
    }
    TokenPair tokens;
    try {
      tokens =
          verification.confirm(
              form.token(), form.password(), TraceParent.traceId(request.getHeader("traceparent")));
    } catch (InvalidLinkException e) {
      response.setStatus(400);
      return form(model, null, FormErrors.none());
    } catch (AccountSuspendedException e) {
      response.setStatus(403);
      return form(model, form.token(), FormErrors.of("", "This account is suspended."));
    }
    session.signIn(request, tokens, names.of(tokens));
    return Notice.EMAIL_CONFIRMED.on("/");
  }

  @PostMapping("/verify-email/resend")
  String resend(
      @RequestParam(required = false) String email,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String address = email == null ? "" : email.strip();
    if (address.isEmpty()
        || !validator.validateValue(RegistrationRequest.class, "email", address).isEmpty()) {
      response.setStatus(400);
      return form(model, null, FormErrors.of("email", "Enter the email address of your account."));
    }
    abuseLimits.check(LimitedAction.VERIFICATION_RESEND, ClientAddress.of(request), address);
    verification.resend(address, TraceParent.traceId(request.getHeader("traceparent")));
    model.addAttribute("email", address);
    return "signin/check-your-mail";
  }

  private String form(Model model, String token, FormErrors errors) {
    model.addAttribute("token", token == null || token.isBlank() ? null : token);
    model.addAttribute("errors", errors);
    return "signin/verify-email";
  }
}
