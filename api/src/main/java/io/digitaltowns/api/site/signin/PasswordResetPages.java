package io.digitaltowns.api.site.signin;

import io.digitaltowns.api.accounts.EmailAddress;
import io.digitaltowns.api.accounts.RegistrationRequest;
import io.digitaltowns.api.accounts.links.InvalidLinkException;
import io.digitaltowns.api.accounts.passwordreset.PasswordReset;
import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.ratelimit.LimitedAction;
import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.api.site.layout.Notice;
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
 * Forgot password (asks for the mail) and reset password (the page the mail links to: {@code
 * /reset-password?token=}). Opening the link changes nothing; only posting the form with a new
 * password uses the token.
 */
@Controller
class PasswordResetPages {

  private final PasswordReset reset;
  private final AbuseLimits abuseLimits;
  private final Validator validator;

  PasswordResetPages(PasswordReset reset, AbuseLimits abuseLimits, Validator validator) {
    this.reset = reset;
    this.abuseLimits = abuseLimits;
    this.validator = validator;
  }

  /** The forms' fields. */
  record ResetForm(String email, String token, String password) {
    @Override
    public String toString() {
      return "ResetForm[***]";
    }
  }

  @GetMapping("/forgot-password")
  String forgotPage(Model model) {
    model.addAttribute("email", "");
    model.addAttribute("errors", FormErrors.none());
    return "signin/forgot-password";
  }

  @PostMapping("/forgot-password")
  String forgot(
      ResetForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
    String email = form.email() == null ? "" : form.email().strip();
    Set<ConstraintViolation<RegistrationRequest>> invalid =
        validator.validateValue(RegistrationRequest.class, "email", email);
    if (!invalid.isEmpty()) {
      response.setStatus(400);
      model.addAttribute("email", email);
      model.addAttribute(
          "errors", FormErrors.of("email", "Enter the email address of your account."));
      return "signin/forgot-password";
    }
    EmailAddress address = EmailAddress.parse(email); // validated above, so it parses
    abuseLimits.check(LimitedAction.PASSWORD_RESET, ClientAddress.of(request), address.value());
    reset.request(address, TraceParent.traceId(request.getHeader("traceparent")));
    // the same answer whether or not the address has an account
    model.addAttribute("email", email);
    return "signin/reset-link-sent";
  }

  @GetMapping("/reset-password")
  String resetPage(@RequestParam(required = false) String token, Model model) {
    return resetForm(model, token, FormErrors.none());
  }

  @PostMapping("/reset-password")
  String resetPassword(
      ResetForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
    Set<ConstraintViolation<RegistrationRequest>> weak =
        form.password() == null
            ? Set.of()
            : validator.validateValue(RegistrationRequest.class, "password", form.password());
    if (form.password() == null || form.password().isEmpty() || !weak.isEmpty()) {
      response.setStatus(400);
      return resetForm(
          model,
          form.token(),
          FormErrors.of(
              "password",
              weak.isEmpty()
                  ? "Enter a new password."
                  : "The password " + weak.iterator().next().getMessage() + "."));
    }
    if (form.token() == null || form.token().isBlank() || form.token().length() > 200) {
      response.setStatus(400);
      return resetForm(model, null, FormErrors.none());
    }
    try {
      reset.complete(
          form.token(), form.password(), TraceParent.traceId(request.getHeader("traceparent")));
    } catch (InvalidLinkException e) {
      response.setStatus(400);
      return resetForm(model, null, FormErrors.none());
    }
    return Notice.PASSWORD_RESET.on("/sign-in");
  }

  /**
   * Without a usable token the page says the link is not (or no longer) valid and offers a new one.
   */
  private String resetForm(Model model, String token, FormErrors errors) {
    model.addAttribute("token", token == null || token.isBlank() ? null : token);
    model.addAttribute("errors", errors);
    return "signin/reset-password";
  }
}
