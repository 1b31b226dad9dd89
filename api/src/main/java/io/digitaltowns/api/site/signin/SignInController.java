package io.digitaltowns.api.site.signin;

import io.digitaltowns.api.accounts.AccountRegistration;
import io.digitaltowns.api.accounts.EmailAlreadyRegisteredException;
import io.digitaltowns.api.accounts.RegistrationRequest;
import io.digitaltowns.api.accounts.login.AccountSuspendedException;
import io.digitaltowns.api.accounts.login.InvalidCredentialsException;
import io.digitaltowns.api.accounts.login.LoginRequest;
import io.digitaltowns.api.accounts.login.PasswordSignIn;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.ratelimit.LimitedAction;
import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.api.site.layout.Notice;
import io.digitaltowns.api.site.session.SiteSession;
import io.digitaltowns.api.web.TraceParent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign in, sign up and sign out: the same services as /api/auth/login, /register and /logout, with
 * the same limits.
 */
@Controller
class SignInController {

  private final PasswordSignIn signIn;
  private final AccountRegistration registration;
  private final AbuseLimits abuseLimits;
  private final SiteSession session;
  private final SignedInName names;
  private final SignInProviders providers;
  private final Validator validator;

  SignInController(
      PasswordSignIn signIn,
      AccountRegistration registration,
      AbuseLimits abuseLimits,
      SiteSession session,
      SignedInName names,
      SignInProviders providers,
      Validator validator) {
    this.signIn = signIn;
    this.registration = registration;
    this.abuseLimits = abuseLimits;
    this.session = session;
    this.names = names;
    this.providers = providers;
    this.validator = validator;
  }

  /**
   * @param provider why a Google or Facebook sign-in came back here without signing in ({@link
   *     ProviderFailure})
   */
  @GetMapping("/sign-in")
  String signInPage(
      @RequestParam(required = false) String next,
      @RequestParam(required = false) String notice,
      @RequestParam(required = false) String provider,
      Model model) {
    model.addAttribute("notice", Notice.messageFor(notice));
    FormErrors errors =
        ProviderFailure.byKey(provider)
            .map(failure -> FormErrors.of("", failure.message()))
            .orElse(FormErrors.none());
    return signInForm(model, SignInForm.empty(LocalPath.orHome(next)), errors);
  }

  @PostMapping("/sign-in")
  String signIn(
      SignInForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
    LoginRequest login = new LoginRequest(trimmed(form.email()), form.password());
    FormErrors errors = FormErrors.check(validator, login);
    if (errors.any()) {
      response.setStatus(400);
      return signInForm(model, form.withoutPassword(), errors);
    }
    TokenPair tokens;
    try {
      // with the same limits as POST /api/auth/login (only failures count against the account)
      tokens =
          signIn.signIn(
              login,
              ClientAddress.of(request),
              TraceParent.traceId(request.getHeader("traceparent")));
    } catch (InvalidCredentialsException e) {
      response.setStatus(401);
      return signInForm(
          model, form.withoutPassword(), FormErrors.of("", "The email or the password is wrong."));
    } catch (AccountSuspendedException e) {
      response.setStatus(403);
      return signInForm(
          model, form.withoutPassword(), FormErrors.of("", "This account is suspended."));
    }
    session.signIn(request, tokens, names.of(tokens));
    return "redirect:" + LocalPath.orHome(form.next());
  }

  @GetMapping("/sign-up")
  String signUpPage(Model model) {
    return signUpForm(model, SignUpForm.empty(), FormErrors.none());
  }

  @PostMapping("/sign-up")
  String signUp(
      SignUpForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
    RegistrationRequest registering =
        new RegistrationRequest(
            trimmed(form.email()), form.password(), trimmed(form.displayName()));
    FormErrors errors = FormErrors.check(validator, registering);
    if (errors.any()) {
      response.setStatus(400);
      return signUpForm(model, form.withoutPassword(), errors);
    }
    abuseLimits.check(LimitedAction.REGISTER, ClientAddress.of(request), registering.email());
    try {
      registration.register(registering, TraceParent.traceId(request.getHeader("traceparent")));
    } catch (EmailAlreadyRegisteredException e) {
      response.setStatus(409);
      return signUpForm(
          model,
          form.withoutPassword(),
          FormErrors.of(
              "email",
              "An account with this email exists already. Sign in, or reset its password."));
    }
    model.addAttribute("email", registering.email());
    return "signin/check-your-mail";
  }

  @PostMapping("/sign-out")
  String signOut(HttpServletRequest request) {
    session.signOut(request);
    return "redirect:/";
  }

  private String signInForm(Model model, SignInForm form, FormErrors errors) {
    model.addAttribute("providers", providers.buttons(form.next()));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "signin/sign-in";
  }

  private String signUpForm(Model model, SignUpForm form, FormErrors errors) {
    model.addAttribute("providers", providers.buttons("/"));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "signin/sign-up";
  }

  private static String trimmed(String value) {
    return value == null ? null : value.trim();
  }
}
