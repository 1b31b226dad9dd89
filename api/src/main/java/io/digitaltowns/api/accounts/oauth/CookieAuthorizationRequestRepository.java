package io.digitaltowns.api.accounts.oauth;

import io.digitaltowns.api.accounts.tokens.JwtProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the authorization request (state, nonce, PKCE verifier) between the redirect to the
 * provider and its redirect back in a short-lived cookie instead of an HTTP session.
 *
 * <p>Why a cookie: the api is stateless (bearer tokens, no sessions), runs as several instances
 * and, split by role, behind the web service's forwarding to the auth service. A session would have
 * to be sticky or shared for the minute the person spends at Google or Facebook, and would be lost
 * on a restart or deploy in between; the cookie travels with the browser instead.
 *
 * <p>The cookie is encrypted and authenticated (AES-256-GCM, with a key derived from JWT_SECRET
 * that serves nothing else): the browser can neither read the PKCE verifier and nonce nor forge or
 * alter a request, and it expires after {@link #TTL}. It is HttpOnly, Secure on HTTPS, scoped to
 * the redirect path and SameSite=Lax, which a provider's top-level redirect back still carries.
 */
class CookieAuthorizationRequestRepository
    implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

  static final String COOKIE_NAME = "dt_oauth_request";
  static final Duration TTL = Duration.ofMinutes(10);

  /**
   * the request attribute holding the authorization request this redirect back spent, for the
   * handlers after it
   */
  private static final String SPENT =
      CookieAuthorizationRequestRepository.class.getName() + ".spent";

  private static final String COOKIE_PATH = "/login/oauth2/code/";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final JsonMapper json;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  CookieAuthorizationRequestRepository(JwtProperties jwt, JsonMapper json, Clock clock) {
    this.key = deriveKey(jwt.secret());
    this.json = json;
    this.clock = clock;
  }

  /** What is kept of a request: the fields {@link OAuth2AuthorizationRequest} is rebuilt from. */
  record Stored(
      String authorizationUri,
      String clientId,
      String redirectUri,
      Set<String> scopes,
      String state,
      Map<String, Object> additionalParameters,
      Map<String, Object> attributes,
      String authorizationRequestUri,
      long expiresAt) {}

  @Override
  public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
    Cookie cookie = find(request);
    if (cookie == null) {
      return null;
    }
    try {
      Stored stored = json.readValue(decrypt(cookie.getValue()), Stored.class);
      if (clock.millis() > stored.expiresAt()) {
        return null;
      }
      return OAuth2AuthorizationRequest.authorizationCode()
          .authorizationUri(stored.authorizationUri())
          .clientId(stored.clientId())
          .redirectUri(stored.redirectUri())
          .scopes(stored.scopes())
          .state(stored.state())
          .additionalParameters(stored.additionalParameters())
          .attributes(stored.attributes())
          .authorizationRequestUri(stored.authorizationRequestUri())
          .build();
    } catch (RuntimeException | GeneralSecurityException e) {
      // altered, from another key, or unreadable: as if there were none, and the sign-in fails with
      // 401
      return null;
    }
  }

  @Override
  public void saveAuthorizationRequest(
      OAuth2AuthorizationRequest authorizationRequest,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (authorizationRequest == null) {
      expire(request, response);
      return;
    }
    Stored stored =
        new Stored(
            authorizationRequest.getAuthorizationUri(),
            authorizationRequest.getClientId(),
            authorizationRequest.getRedirectUri(),
            authorizationRequest.getScopes(),
            authorizationRequest.getState(),
            authorizationRequest.getAdditionalParameters(),
            authorizationRequest.getAttributes(),
            authorizationRequest.getAuthorizationRequestUri(),
            clock.millis() + TTL.toMillis());
    try {
      write(request, response, encrypt(json.writeValueAsBytes(stored)), TTL);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not encrypt the authorization request", e);
    }
  }

  @Override
  public OAuth2AuthorizationRequest removeAuthorizationRequest(
      HttpServletRequest request, HttpServletResponse response) {
    OAuth2AuthorizationRequest authorizationRequest = loadAuthorizationRequest(request);
    if (find(request) != null) {
      expire(request, response);
    }
    request.setAttribute(SPENT, authorizationRequest);
    return authorizationRequest;
  }

  /**
   * The authorization request the redirect back was checked against (its state), if there was one.
   */
  static OAuth2AuthorizationRequest spent(HttpServletRequest request) {
    return (OAuth2AuthorizationRequest) request.getAttribute(SPENT);
  }

  private static Cookie find(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null
        ? null
        : Arrays.stream(cookies)
            .filter(cookie -> COOKIE_NAME.equals(cookie.getName()))
            .findFirst()
            .orElse(null);
  }

  private void expire(HttpServletRequest request, HttpServletResponse response) {
    write(request, response, "", Duration.ZERO);
  }

  private static void write(
      HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
    response.addHeader(
        "Set-Cookie",
        ResponseCookie.from(COOKIE_NAME, value)
            .path(COOKIE_PATH)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .maxAge(maxAge)
            .build()
            .toString());
  }

  private String encrypt(byte[] plaintext) throws GeneralSecurityException {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
    byte[] sealed = cipher.doFinal(plaintext);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
  }

  private byte[] decrypt(String value) throws GeneralSecurityException {
    byte[] bytes = Base64.getUrlDecoder().decode(value);
    if (bytes.length <= IV_BYTES) {
      throw new GeneralSecurityException("too short");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
    return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
  }

  /**
   * HMAC-SHA256(JWT_SECRET, label): a key of its own, so this cookie and the access tokens never
   * share one.
   */
  private static SecretKey deriveKey(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] derived =
          mac.doFinal(
              "digitaltowns oauth authorization request cookie v1"
                  .getBytes(StandardCharsets.UTF_8));
      return new SecretKeySpec(derived, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
