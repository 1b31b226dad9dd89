package io.digitaltowns.api.accounts.oauth;

import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.api.web.TraceParent;
import io.digitaltowns.platform.diagnostics.ProviderCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the browser gets at the end of the provider's redirect back: our own tokens (as JSON, or in
 * the fragment of a redirect to the configured page), or a problem body. Provider codes, provider
 * tokens and our tokens never appear in a log line or an error body.
 */
class OAuthSignInResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(OAuthSignInResponses.class);

  /**
   * OAuth error codes are short ASCII words; anything else the provider sent back is not repeated
   */
  private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

  private final OAuthAccounts accounts;
  private final JsonMapper json;
  private final URI successRedirectUri;

  /** null when there is no site in this process */
  private final SiteSignIn site;

  OAuthSignInResponses(
      OAuthAccounts accounts, JsonMapper json, URI successRedirectUri, SiteSignIn site) {
    this.accounts = accounts;
    this.json = json;
    this.successRedirectUri = successRedirectUri;
    this.site = site;
  }

  /**
   * Where the site wants the browser back, when the site started this sign-in (and a site is there
   * to end it).
   */
  private Optional<String> siteReturn(HttpServletRequest request) {
    return site == null
        ? Optional.empty()
        : SiteReturn.of(CookieAuthorizationRequestRepository.spent(request));
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    ProviderIdentity identity = identityOf((OAuth2AuthenticationToken) authentication);
    Optional<String> siteReturn = siteReturn(request);
    TokenPair tokens;
    try {
      tokens = accounts.signIn(identity, TraceParent.traceId(request.getHeader("traceparent")));
    } catch (ErrorResponseException refused) {
      log.info(
          "Sign-in with {} refused ({}): {}",
          identity.provider().displayName(),
          refused.getStatusCode().value(),
          refused.getBody().getDetail());
      if (siteReturn.isPresent()) {
        site.notSignedIn(request, response, SiteSignIn.Failure.REFUSED, siteReturn.get());
        return;
      }
      write(request, response, refused.getBody());
      return;
    } catch (RuntimeException unexpected) {
      // as ProblemResponses answers inside the MVC layer, which this filter-level handler is
      // outside of
      log.error("Sign-in with {} failed", identity.provider().displayName(), unexpected);
      if (siteReturn.isPresent()) {
        site.notSignedIn(request, response, SiteSignIn.Failure.FAILED, siteReturn.get());
        return;
      }
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.INTERNAL_SERVER_ERROR,
              "Something went wrong on our side. It has been logged.");
      problem.setTitle("Internal error");
      write(request, response, problem);
      return;
    }
    // RFC 6749 §5.1: a response that carries tokens must not be cached
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    if (siteReturn.isPresent()) {
      // started from the site's pages: the tokens go into its cookie session, never to the browser
      site.signedIn(request, response, tokens, siteReturn.get());
      return;
    }
    if (successRedirectUri != null) {
      // a fragment is not sent to the page's server, so the tokens stay out of its logs and of
      // Referer headers
      response.setHeader("Referrer-Policy", "no-referrer");
      response.sendRedirect(withFragment(successRedirectUri, tokens));
      return;
    }
    response.setStatus(HttpStatus.OK.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), tokens);
  }

  /**
   * The provider sent an error back (the person cancelled, say), or the code, state or tokens did
   * not check out.
   */
  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    String code =
        failure instanceof OAuth2AuthenticationException oauth
            ? oauth.getError().getErrorCode()
            : null;
    // the code comes from the provider's redirect (anyone can forge one): logged as a ProviderCode,
    // one bounded word
    log.info(
        "Sign-in at {} failed: {}",
        request.getRequestURI(),
        code != null ? ProviderCode.of(code) : failure.getClass().getSimpleName());
    Optional<String> siteReturn = siteReturn(request);
    if (siteReturn.isPresent()) {
      site.notSignedIn(request, response, SiteSignIn.Failure.FAILED, siteReturn.get());
      return;
    }
    ProblemDetail problem =
        OAuthSignInRefusedException.problem(
            "Signing in with the provider did not succeed. Start again from the sign-in page.");
    if (code != null && ERROR_CODE.matcher(code).matches()) {
      problem.setProperty("error", code);
    }
    write(request, response, problem);
  }

  /**
   * Sending the person to the provider failed: its discovery document or keys could not be fetched.
   */
  void providerUnavailable(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    log.warn(
        "Could not start sign-in at {}",
        request.getRequestURI(),
        failure.getCause() != null ? failure.getCause() : failure);
    if (site != null && SiteReturn.startedBySite(request)) {
      site.notSignedIn(
          request,
          response,
          SiteSignIn.Failure.UNAVAILABLE,
          request.getParameter(SiteReturn.PARAMETER));
      return;
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The sign-in provider cannot be reached right now. Try again in a moment.");
    problem.setTitle("Sign-in provider unavailable");
    problem.setType(URI.create("https://digitaltowns.io/problems/oauth-provider-unavailable"));
    write(request, response, problem);
  }

  static ProviderIdentity identityOf(OAuth2AuthenticationToken authentication) {
    OAuthProvider provider =
        OAuthProvider.byRegistrationId(authentication.getAuthorizedClientRegistrationId())
            .orElseThrow(
                () -> new IllegalStateException("sign-in through an unknown registration"));
    OAuth2User user = authentication.getPrincipal();
    return switch (provider) {
      case GOOGLE -> {
        // an OpenID Connect sign-in: the claims come from the verified ID token (and the userinfo
        // endpoint)
        OidcUser oidc = (OidcUser) user;
        yield new ProviderIdentity(
            provider,
            oidc.getSubject(),
            oidc.getEmail(),
            Boolean.TRUE.equals(oidc.getEmailVerified()),
            oidc.getFullName());
      }
      case FACEBOOK -> {
        // Facebook's Graph API has no claim saying the address was confirmed: unverified unless it
        // says so
        yield new ProviderIdentity(
            provider,
            user.getName(),
            user.getAttribute("email"),
            Boolean.TRUE.equals(user.getAttribute("email_verified")),
            user.getAttribute("name"));
      }
    };
  }

  private static String withFragment(URI target, TokenPair tokens) {
    String base = target.toString();
    int fragment = base.indexOf('#');
    if (fragment >= 0) {
      base = base.substring(0, fragment);
    }
    return base
        + "#access_token="
        + encode(tokens.accessToken())
        + "&refresh_token="
        + encode(tokens.refreshToken())
        + "&token_type="
        + encode(tokens.tokenType())
        + "&expires_in="
        + tokens.expiresIn();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
