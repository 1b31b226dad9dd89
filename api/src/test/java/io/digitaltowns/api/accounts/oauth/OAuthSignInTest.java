package io.digitaltowns.api.accounts.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.api.ApiTestServers;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.links.EmailLinkTokens;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign in with Google and with Facebook, driven like a browser through the whole redirect dance
 * against a real local OpenID Connect / OAuth 2 server standing in for both providers.
 */
class OAuthSignInTest extends ApiHttpTest {

  /** started once for the class; its issuers google and facebook stand in for the two providers */
  private static final ProviderStandIn PROVIDERS = new ProviderStandIn();

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("digitaltowns.oauth.google.client-id", () -> "google-client-id");
    registry.add("digitaltowns.oauth.google.client-secret", () -> "google-client-secret");
    registry.add("digitaltowns.oauth.google.issuer-uri", () -> PROVIDERS.issuerUrl("google"));
    registry.add("digitaltowns.oauth.facebook.client-id", () -> "facebook-app-id");
    registry.add("digitaltowns.oauth.facebook.client-secret", () -> "facebook-app-secret");
    registry.add(
        "digitaltowns.oauth.facebook.authorization-uri",
        () -> PROVIDERS.authorizationEndpointUrl("facebook"));
    registry.add(
        "digitaltowns.oauth.facebook.token-uri", () -> PROVIDERS.tokenEndpointUrl("facebook"));
    registry.add(
        "digitaltowns.oauth.facebook.user-info-uri", () -> PROVIDERS.userInfoUrl("facebook"));
  }

  @AfterAll
  static void stopProviders() {
    PROVIDERS.close();
  }

  @Autowired SchemaRegistryClient schemaRegistry;

  private final Browser browser = new Browser();

  @Test
  void a_new_google_user_gets_an_account_and_our_tokens() throws Exception {
    String subject = "google-" + UUID.randomUUID();
    String email = unique("Grace.Hopper");

    Browser.SignIn signIn = signInWithGoogle(subject, email, true, "Grace Hopper");

    HttpResponse<String> answer = signIn.answer();
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode tokens = JSON.readTree(answer.body());
    assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
    assertThat(tokens.get("refreshToken").asText()).isNotBlank();
    JsonNode me = me(tokens.get("accessToken").asText());
    assertThat(me.get("email").asText()).isEqualTo(email.toLowerCase());
    assertThat(me.get("emailVerified").asBoolean()).isTrue();
    assertThat(me.get("displayName").asText()).isEqualTo("Grace Hopper");
    assertThat(me.get("roles").toString()).contains("RESIDENT");

    UUID userId = UUID.fromString(me.get("id").asText());
    assertThat(usersWithEmail(email)).isEqualTo(1);
    assertThat(hasNoPassword(userId)).isTrue();
    assertThat(identityOwner("google", subject)).isEqualTo(userId);
    assertThat(events(userId, "UserRegistered")).isEqualTo(1);
    UserRegistered registered =
        (UserRegistered)
            new AvroEventDeserializer(schemaRegistry)
                .deserialize(
                    jdbc.sql(
                            "SELECT payload FROM outbox WHERE aggregate_id = :id AND event_type = 'UserRegistered'")
                        .param("id", userId.toString())
                        .query(byte[].class)
                        .single());
    assertThat(registered.getSignupMethod()).isEqualTo(SignupMethod.GOOGLE);
    assertThat(registered.getEmail()).isEqualTo(email.toLowerCase());
    assertThat(events(userId, "UserSignedIn")).isEqualTo(1);
  }

  @Test
  void the_login_keeps_no_session_and_its_state_cookie_is_locked_down_and_spent() {
    Browser.SignIn signIn =
        signInWithGoogle("google-" + UUID.randomUUID(), unique("cookie"), true, "Cookie");

    assertThat(signIn.answer().statusCode()).isEqualTo(200);
    List<String> setCookies = signIn.toProvider().headers().allValues("Set-Cookie");
    assertThat(setCookies)
        .singleElement()
        .satisfies(
            cookie ->
                assertThat(cookie)
                    .startsWith("dt_oauth_request=")
                    .contains("HttpOnly", "SameSite=Lax", "Path=/login/oauth2/code/"));
    assertThat(signIn.answer().headers().allValues("Set-Cookie"))
        .singleElement()
        .satisfies(
            cookie -> assertThat(cookie).startsWith("dt_oauth_request=;").contains("Max-Age=0"));
    assertThat(browser.responses)
        .allSatisfy(
            response ->
                assertThat(response.headers().allValues("Set-Cookie"))
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONID")));
  }

  @Test
  void
      signing_in_again_finds_the_account_by_its_google_identity_even_after_the_address_changed_there()
          throws Exception {
    String subject = "google-" + UUID.randomUUID();
    String first = unique("first");
    JsonNode firstMe = me(tokensOf(signInWithGoogle(subject, first, true, "Same Person").answer()));

    JsonNode againMe =
        me(
            tokensOf(
                new Browser()
                    .signIn(
                        start("google"),
                        signingIn(
                            "google",
                            subject,
                            googleClaims(unique("renamed"), true, "Same Person")),
                        UnaryOperator.identity())
                    .answer()));

    assertThat(againMe.get("id").asText()).isEqualTo(firstMe.get("id").asText());
    assertThat(againMe.get("email").asText()).isEqualTo(first.toLowerCase());
    assertThat(events(UUID.fromString(firstMe.get("id").asText()), "UserRegistered")).isEqualTo(1);
  }

  @Test
  void an_unverified_password_account_with_the_same_verified_address_is_claimed_not_duplicated()
      throws Exception {
    String email = unique("Claimed");
    UUID registeredId = register(email);
    String squattersRefreshToken = tokensAfterLogin(email, PASSWORD).get("refreshToken").asText();
    String subject = "google-" + UUID.randomUUID();

    HttpResponse<String> answer =
        signInWithGoogle(subject, email.toUpperCase(), true, "Rightful Owner").answer();

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode me = me(tokensOf(answer));
    assertThat(me.get("id").asText()).isEqualTo(registeredId.toString());
    assertThat(me.get("emailVerified").asBoolean()).isTrue();
    assertThat(usersWithEmail(email)).isEqualTo(1);
    assertThat(identityOwner("google", subject)).isEqualTo(registeredId);
    assertThat(events(registeredId, "UserRegistered")).isEqualTo(1);
    assertThat(events(registeredId, "EmailVerified")).isEqualTo(1);
    // whoever registered the address before its owner proved it is out: password cleared, sessions
    // ended
    assertThat(hasNoPassword(registeredId)).isTrue();
    assertThat(
            post(
                    "/api/auth/login",
                    JSON.createObjectNode().put("email", email).put("password", PASSWORD))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            post(
                    "/api/auth/refresh",
                    JSON.createObjectNode().put("refreshToken", squattersRefreshToken))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void a_verified_password_account_is_linked_and_keeps_its_password() throws Exception {
    String email = unique("verified");
    UUID registeredId = register(email);
    verifyAddress(registeredId);
    String subject = "google-" + UUID.randomUUID();

    HttpResponse<String> answer = signInWithGoogle(subject, email, true, "Verified Owner").answer();

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(me(tokensOf(answer)).get("id").asText()).isEqualTo(registeredId.toString());
    assertThat(usersWithEmail(email)).isEqualTo(1);
    assertThat(identityOwner("google", subject)).isEqualTo(registeredId);
    assertThat(events(registeredId, "EmailVerified")).isEqualTo(1);
    assertThat(tokensAfterLogin(email, PASSWORD).get("accessToken")).isNotNull();
  }

  @Test
  void an_unverified_google_address_does_not_link_to_an_existing_account() throws Exception {
    String email = unique("victim");
    UUID registeredId = register(email);
    String hashBefore = passwordHash(registeredId);
    String subject = "google-" + UUID.randomUUID();

    Browser.SignIn signIn = signInWithGoogle(subject, email, false, "Impostor");

    HttpResponse<String> answer = signIn.answer();
    assertUnauthorizedProblem(answer);
    assertThat(answer.body()).contains("not verified");
    assertThat(answer.body())
        .doesNotContain(Browser.location(signIn.backFromProvider()).getRawQuery());
    assertThat(usersWithEmail(email)).isEqualTo(1);
    assertThat(passwordHash(registeredId)).isEqualTo(hashBefore);
    assertThat(identityCount("google", subject)).isZero();
    assertThat(events(registeredId, "UserSignedIn")).isZero();
  }

  @Test
  void an_unverified_google_address_creates_no_account_either() throws Exception {
    String email = unique("nobody");
    String subject = "google-" + UUID.randomUUID();

    assertUnauthorizedProblem(signInWithGoogle(subject, email, false, "Nobody").answer());

    assertThat(usersWithEmail(email)).isZero();
    assertThat(identityCount("google", subject)).isZero();
  }

  /**
   * Facebook does not say whether the address it shares is confirmed: the account starts unverified
   * (issue 16, 15).
   */
  @Test
  void a_new_facebook_user_gets_an_unverified_account_and_our_tokens() throws Exception {
    String id = "fb" + Math.abs(UUID.randomUUID().getMostSignificantBits());
    String email = unique("Ada.Facebook");

    HttpResponse<String> answer =
        signInWithFacebook(id, facebookClaims(id, email, "Ada Facebook")).answer();

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode me = me(tokensOf(answer));
    assertThat(me.get("email").asText()).isEqualTo(email.toLowerCase());
    assertThat(me.get("emailVerified").asBoolean()).isFalse();
    assertThat(me.get("displayName").asText()).isEqualTo("Ada Facebook");
    UUID userId = UUID.fromString(me.get("id").asText());
    assertThat(usersWithEmail(email)).isEqualTo(1);
    assertThat(identityOwner("facebook", id)).isEqualTo(userId);
    assertThat(events(userId, "UserRegistered")).isEqualTo(1);
    UserRegistered registered =
        (UserRegistered)
            new AvroEventDeserializer(schemaRegistry)
                .deserialize(
                    jdbc.sql(
                            "SELECT payload FROM outbox WHERE aggregate_id = :id AND event_type = 'UserRegistered'")
                        .param("id", userId.toString())
                        .query(byte[].class)
                        .single());
    assertThat(registered.getSignupMethod()).isEqualTo(SignupMethod.FACEBOOK);
  }

  @Test
  void a_facebook_address_does_not_link_to_an_existing_account() throws Exception {
    String email = unique("fb-existing");
    UUID registeredId = register(email);
    verifyAddress(registeredId);
    String hashBefore = passwordHash(registeredId);
    long signInsBefore =
        events(registeredId, "UserSignedIn"); // confirming the address signed its owner in
    String id = "fb" + Math.abs(UUID.randomUUID().getMostSignificantBits());

    HttpResponse<String> answer =
        signInWithFacebook(id, facebookClaims(id, email, "Existing")).answer();

    assertUnauthorizedProblem(answer);
    assertThat(answer.body()).contains("exists already").contains("does not confirm");
    assertThat(usersWithEmail(email)).isEqualTo(1);
    assertThat(identityCount("facebook", id)).isZero();
    assertThat(passwordHash(registeredId)).isEqualTo(hashBefore);
    assertThat(events(registeredId, "UserSignedIn")).isEqualTo(signInsBefore);
  }

  @Test
  void a_facebook_address_facebook_says_is_verified_links_an_existing_account_by_its_address()
      throws Exception {
    String email = unique("fb-verified");
    UUID registeredId = register(email);
    String id = "fb" + Math.abs(UUID.randomUUID().getMostSignificantBits());
    Map<String, Object> claims = facebookClaims(id, email, "Existing");
    claims.put("email_verified", true);

    HttpResponse<String> answer = signInWithFacebook(id, claims).answer();

    assertThat(me(tokensOf(answer)).get("id").asText()).isEqualTo(registeredId.toString());
    assertThat(identityOwner("facebook", id)).isEqualTo(registeredId);
  }

  /**
   * Whoever typed an address in at Facebook made an account with it; the address's owner then
   * proved it by a reset. The Facebook identity must not follow them into the account.
   */
  @Test
  void a_facebook_link_made_on_an_unproven_address_stops_working_once_the_owner_proves_it_by_mail()
      throws Exception {
    String email = unique("fb-squat");
    String id = "fb" + Math.abs(UUID.randomUUID().getMostSignificantBits());
    UUID accountId =
        UUID.fromString(
            me(tokensOf(signInWithFacebook(id, facebookClaims(id, email, "Squatter")).answer()))
                .get("id")
                .asText());
    assertThat(
            post("/api/auth/forgot-password", JSON.createObjectNode().put("email", email))
                .statusCode())
        .isEqualTo(202);
    UUID resetEvent =
        jdbc.sql(
                "SELECT id FROM outbox WHERE aggregate_id = :id AND event_type = 'PasswordResetRequested'")
            .param("id", accountId.toString())
            .query(UUID.class)
            .single();
    String token =
        new EmailLinkTokens(ApiTestServers.EMAIL_LINK_SECRET)
            .tokenFor(Purpose.RESET_PASSWORD, resetEvent.toString());
    assertThat(
            post(
                    "/api/auth/reset-password",
                    JSON.createObjectNode().put("token", token).put("password", PASSWORD))
                .statusCode())
        .isEqualTo(204);

    HttpResponse<String> again =
        signInWithFacebook(id, facebookClaims(id, email, "Squatter")).answer();

    assertUnauthorizedProblem(again);
    assertThat(again.body()).contains("confirmed by email");
    assertThat(tokensAfterLogin(email, PASSWORD).get("accessToken")).isNotNull();
  }

  /**
   * Issue 16 finding 1: a provider vouching for a look-alike does not make it the address it
   * imitates.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("confusables")
  void a_look_alike_address_from_google_or_facebook_reaches_no_account_and_creates_none(
      io.digitaltowns.api.accounts.Confusables.Confusable confusable) throws Exception {
    UUID victim = lookAlikeVictim();
    long signInsBefore =
        events(victim, "UserSignedIn"); // confirming the address signed its owner in
    String subject = "google-" + UUID.randomUUID();
    String facebookId = "fb" + Math.abs(UUID.randomUUID().getMostSignificantBits());

    HttpResponse<String> google =
        signInWithGoogle(subject, confusable.address(), true, "Look Alike").answer();
    HttpResponse<String> facebook =
        signInWithFacebook(
                facebookId, facebookClaims(facebookId, confusable.address(), "Look Alike"))
            .answer();

    for (HttpResponse<String> answer : List.of(google, facebook)) {
      assertUnauthorizedProblem(answer);
      assertThat(answer.body()).contains("cannot be used here");
    }
    assertThat(identityCount("google", subject)).isZero();
    assertThat(identityCount("facebook", facebookId)).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM user_identities WHERE user_id = :id")
                .param("id", victim)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(events(victim, "UserSignedIn")).isEqualTo(signInsBefore);
    assertThat(
            jdbc.sql("SELECT count(*) FROM users WHERE email = :email")
                .param("email", confusable.address())
                .query(Long.class)
                .single())
        .isZero();
  }

  private static final String LOOK_ALIKE_LOCAL =
      "ops-admin-" + UUID.randomUUID().toString().substring(0, 6);
  private static UUID lookAlikeVictim;

  static List<io.digitaltowns.api.accounts.Confusables.Confusable> confusables() {
    return io.digitaltowns.api.accounts.Confusables.of(LOOK_ALIKE_LOCAL, "digitaltowns.org");
  }

  private synchronized UUID lookAlikeVictim() throws IOException {
    if (lookAlikeVictim == null) {
      lookAlikeVictim = register(LOOK_ALIKE_LOCAL + "@digitaltowns.org");
      verifyAddress(lookAlikeVictim);
    }
    return lookAlikeVictim;
  }

  @Test
  void a_facebook_user_who_shares_no_address_is_refused() throws Exception {
    String id = "fb" + Math.abs(UUID.randomUUID().getMostSignificantBits());
    long usersBefore = jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();

    HttpResponse<String> answer =
        signInWithFacebook(id, Map.of("id", id, "name", "No Mail")).answer();

    assertUnauthorizedProblem(answer);
    assertThat(answer.body()).contains("did not share your email address");
    assertThat(identityCount("facebook", id)).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single())
        .isEqualTo(usersBefore);
  }

  @Test
  void a_suspended_account_is_refused() throws Exception {
    String email = unique("suspended");
    UUID registeredId = register(email);
    jdbc.sql("UPDATE users SET suspended = true WHERE id = :id").param("id", registeredId).update();
    String subject = "google-" + UUID.randomUUID();

    HttpResponse<String> answer = signInWithGoogle(subject, email, true, "Suspended").answer();

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(answer.body()).get("title").asText()).isEqualTo("Account suspended");
    // nothing of the attempt stays: no link, no verification
    assertThat(identityCount("google", subject)).isZero();
    assertThat(events(registeredId, "EmailVerified")).isZero();
  }

  @Test
  void an_error_from_the_provider_is_a_problem_without_a_stack_trace() throws Exception {
    HttpResponse<String> toProvider = browser.get(start("google"));
    String state = queryParameter(Browser.location(toProvider), "state");

    HttpResponse<String> answer =
        browser.get(url("/login/oauth2/code/google?error=access_denied&state=" + state));

    assertUnauthorizedProblem(answer);
    assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("access_denied");
    assertThat(answer.body())
        .doesNotContain(state)
        .doesNotContain("Exception")
        .doesNotContain("at org.");
  }

  @Test
  void a_provider_redirect_with_a_forged_state_or_without_our_cookie_is_refused() throws Exception {
    String subject = "google-" + UUID.randomUUID();
    String email = unique("forged");

    // refused before the code is exchanged, so the stand-in is not told who signs in
    HttpResponse<String> forgedState =
        new Browser()
            .signIn(
                start("google"),
                UnaryOperator.identity(),
                back -> URI.create(back.toString().replaceAll("state=[^&]+", "state=forged")))
            .answer();
    // a code and state meant for someone else's browser (login CSRF): this browser has no matching
    // cookie
    Browser someoneElse = new Browser();
    URI theirRedirectBack =
        Browser.location(someoneElse.get(Browser.location(someoneElse.get(start("google")))));
    HttpResponse<String> otherBrowser = new Browser().get(theirRedirectBack);

    assertUnauthorizedProblem(forgedState);
    assertThat(JSON.readTree(forgedState.body()).get("error").asText())
        .isEqualTo("invalid_state_parameter");
    assertUnauthorizedProblem(otherBrowser);
    assertThat(JSON.readTree(otherBrowser.body()).get("error").asText())
        .isEqualTo("authorization_request_not_found");
    assertThat(otherBrowser.body())
        .doesNotContain(queryParameter(theirRedirectBack, "code"))
        .doesNotContain(queryParameter(theirRedirectBack, "state"));
    assertThat(identityCount("google", subject)).isZero();
    assertThat(usersWithEmail(email)).isZero();
  }

  @Test
  void a_state_cookie_that_was_altered_is_refused() throws Exception {
    // the base's client: no cookies, no redirects followed
    HttpResponse<String> toProvider = send(HttpRequest.newBuilder(start("google")));
    String cookie = toProvider.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String value = cookie.substring(cookie.indexOf('=') + 1);
    char flipped = value.charAt(value.length() / 2) == 'A' ? 'B' : 'A';
    String altered =
        value.substring(0, value.length() / 2) + flipped + value.substring(value.length() / 2 + 1);
    HttpResponse<String> fromProvider = send(HttpRequest.newBuilder(Browser.location(toProvider)));

    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(Browser.location(fromProvider))
                .header("Cookie", "dt_oauth_request=" + altered));

    assertUnauthorizedProblem(answer);
    assertThat(JSON.readTree(answer.body()).get("error").asText())
        .isEqualTo("authorization_request_not_found");
  }

  @Test
  void a_provider_that_does_not_exist_answers_404() throws Exception {
    HttpResponse<String> response = browser.get(start("github"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void the_api_still_answers_401_problems_not_redirects_to_a_login_page() throws Exception {
    HttpResponse<String> me = browser.get(url("/api/me"));
    HttpResponse<String> loginPage = browser.get(url("/login"));

    assertThat(me.statusCode()).isEqualTo(401);
    assertThat(me.headers().firstValue("Location")).isEmpty();
    assertThat(loginPage.statusCode()).isIn(401, 404);
    // /login is a site path: the site's 404 page, not Spring Security's generated login form
    assertThat(loginPage.body()).doesNotContain("name=\"password\"", "name=\"username\"");
  }

  // --- the browser flow ---

  private Browser.SignIn signInWithGoogle(
      String subject, String email, boolean emailVerified, String name) {
    return browser.signIn(
        start("google"),
        signingIn("google", subject, googleClaims(email, emailVerified, name)),
        UnaryOperator.identity());
  }

  private Browser.SignIn signInWithFacebook(String id, Map<String, Object> claims) {
    return browser.signIn(
        start("facebook"),
        signingIn("facebook", id, claims).andThen(OAuthSignInTest::asOpenIdRequest),
        UnaryOperator.identity());
  }

  /**
   * The stand-in provider parses every authorization request as an OpenID Connect one and refuses a
   * scope without {@code openid}; Facebook Login is plain OAuth 2 and we do not ask for it. So the
   * browser adds it on its way to the stand-in: our side (token exchange, user-info call,
   * attributes {@code id}, {@code name}, {@code email}) stays Facebook's plain OAuth 2 flow.
   */
  private static URI asOpenIdRequest(URI authorize) {
    return URI.create(authorize.toString().replaceFirst("([?&]scope=[^&]*)", "$1%20openid"));
  }

  private static Map<String, Object> googleClaims(String email, boolean verified, String name) {
    return Map.of("email", email, "email_verified", verified, "name", name);
  }

  private static Map<String, Object> facebookClaims(String id, String email, String name) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("id", id);
    claims.put("email", email);
    claims.put("name", name);
    return claims;
  }

  /** At the provider, this person signs in (told to the stand-in as the browser gets there). */
  private static UnaryOperatorChain signingIn(
      String issuerId, String subject, Map<String, Object> claims) {
    return uri -> {
      PROVIDERS.willSignIn(issuerId, subject, claims);
      return uri;
    };
  }

  @FunctionalInterface
  interface UnaryOperatorChain extends UnaryOperator<URI> {
    default UnaryOperatorChain andThen(UnaryOperator<URI> next) {
      return uri -> next.apply(apply(uri));
    }
  }

  private URI start(String provider) {
    return url("/oauth2/authorization/" + provider);
  }

  // --- the api and the database ---

  private UUID register(String email) throws IOException {
    HttpResponse<String> registered =
        post(
            "/api/auth/register",
            JSON.createObjectNode()
                .put("email", email)
                .put("password", PASSWORD)
                .put("displayName", "Registered"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return UUID.fromString(JSON.readTree(registered.body()).get("id").asText());
  }

  private void verifyAddress(UUID userId) {
    UUID eventId =
        jdbc.sql("SELECT id FROM outbox WHERE aggregate_id = :id AND event_type = 'UserRegistered'")
            .param("id", userId.toString())
            .query(UUID.class)
            .single();
    String token =
        new EmailLinkTokens(ApiTestServers.EMAIL_LINK_SECRET)
            .tokenFor(Purpose.VERIFY_EMAIL, eventId.toString());
    // the owner confirms through the page's form, keeping the password they registered with
    assertThat(
            post(
                    "/api/auth/verify-email",
                    JSON.createObjectNode().put("token", token).put("password", PASSWORD))
                .statusCode())
        .isEqualTo(200);
  }

  private JsonNode tokensAfterLogin(String email, String password) throws IOException {
    HttpResponse<String> response =
        post(
            "/api/auth/login",
            JSON.createObjectNode().put("email", email).put("password", password));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode me(String accessToken) throws IOException {
    HttpResponse<String> me = browser.get(url("/api/me"), accessToken);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    return JSON.readTree(me.body());
  }

  private static String tokensOf(HttpResponse<String> answer) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("accessToken").asText();
  }

  private static void assertUnauthorizedProblem(HttpResponse<String> answer) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("title").asText()).isEqualTo("Sign-in failed");
    assertThat(answer.body()).doesNotContain("accessToken").doesNotContain("refreshToken");
  }

  private HttpResponse<String> post(String path, JsonNode body) {
    return post(path, null, body);
  }

  private long usersWithEmail(String email) {
    return jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:email)")
        .param("email", email)
        .query(Long.class)
        .single();
  }

  private UUID identityOwner(String provider, String subject) {
    return jdbc.sql(
            "SELECT user_id FROM user_identities WHERE provider = :provider AND subject = :subject")
        .param("provider", provider)
        .param("subject", subject)
        .query(UUID.class)
        .single();
  }

  private long identityCount(String provider, String subject) {
    return jdbc.sql(
            "SELECT count(*) FROM user_identities WHERE provider = :provider AND subject = :subject")
        .param("provider", provider)
        .param("subject", subject)
        .query(Long.class)
        .single();
  }

  private long events(UUID userId, String eventType) {
    return jdbc.sql("SELECT count(*) FROM outbox WHERE aggregate_id = :id AND event_type = :type")
        .param("id", userId.toString())
        .param("type", eventType)
        .query(Long.class)
        .single();
  }

  private boolean hasNoPassword(UUID userId) {
    return jdbc.sql("SELECT password_hash IS NULL FROM users WHERE id = :id")
        .param("id", userId)
        .query(Boolean.class)
        .single();
  }

  private String passwordHash(UUID userId) {
    return jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
        .param("id", userId)
        .query(String.class)
        .single();
  }

  private static String queryParameter(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + uri);
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
  }
}
