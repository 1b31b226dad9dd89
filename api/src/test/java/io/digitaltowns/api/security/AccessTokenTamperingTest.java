package io.digitaltowns.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.api.ApiTestServers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every way of forging or stretching an access token ends in 401 with a problem body. */
class AccessTokenTamperingTest extends ApiHttpTest {

  @Test
  void a_genuine_token_is_accepted() throws Exception {
    Member member = registerAndSignIn("genuine");
    assertThat(
            get(
                    "/api/me",
                    sign(member.id(), ApiTestServers.JWT_SECRET, Instant.now().plusSeconds(60)))
                .statusCode())
        .as("the forging helper itself makes valid tokens with the right key")
        .isEqualTo(200);
  }

  @Test
  void a_token_signed_with_another_key_is_rejected() throws Exception {
    Member member = registerAndSignIn("otherkey");
    assertUnauthorized(
        sign(
            member.id(),
            "another-secret-that-is-also-32-bytes-long!",
            Instant.now().plusSeconds(60)));
  }

  @Test
  void an_unsigned_alg_none_token_is_rejected() {
    Member member = registerAndSignIn("algnone");
    String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String claims =
        base64(
            "{\"iss\":\"digitaltowns\",\"sub\":\""
                + member.id()
                + "\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond()
                + ",\"roles\":[\"ADMIN\"]}");
    assertUnauthorized(header + "." + claims + ".");
  }

  @Test
  void an_expired_token_is_rejected() throws Exception {
    Member member = registerAndSignIn("expired");
    assertUnauthorized(
        sign(member.id(), ApiTestServers.JWT_SECRET, Instant.now().minusSeconds(600)));
  }

  @Test
  void a_token_whose_payload_was_edited_is_rejected() {
    Member member = registerAndSignIn("edited");
    Member victim = registerAndSignIn("victim");
    String[] parts = member.accessToken().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace(member.id().toString(), victim.id().toString());
    assertUnauthorized(parts[0] + "." + base64(payload) + "." + parts[2]);
  }

  @Test
  void a_resident_whose_edited_token_claims_the_admin_role_is_rejected() {
    Member member = registerAndSignIn("escalate");
    String[] parts = member.accessToken().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replaceAll("\"roles\":\\[[^\\]]*\\]", "\"roles\":[\"ADMIN\",\"RESIDENT\"]");
    assertThat(payload).contains("ADMIN");

    HttpResponse<String> response =
        get("/api/admin/users", parts[0] + "." + base64(payload) + "." + parts[2]);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void the_roles_of_a_genuine_token_are_not_trusted_the_account_decides() throws Exception {
    Member member = registerAndSignIn("genuine-claims");
    String claimsAdmin =
        sign(
            member.id(),
            ApiTestServers.JWT_SECRET,
            Instant.now().plusSeconds(60),
            "digitaltowns",
            List.of("ADMIN"));

    assertThat(get("/api/admin/users", claimsAdmin).statusCode()).isEqualTo(403);
  }

  @Test
  void a_token_of_another_issuer_is_rejected() throws Exception {
    Member member = registerAndSignIn("issuer");
    assertUnauthorized(
        sign(
            member.id(),
            ApiTestServers.JWT_SECRET,
            Instant.now().plusSeconds(60),
            "someone-else",
            List.of("RESIDENT")));
  }

  @Test
  void a_token_that_names_an_asymmetric_algorithm_is_rejected() {
    Member member = registerAndSignIn("rs256");
    String[] parts = member.accessToken().split("\\.");
    assertUnauthorized(
        base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]);
  }

  @Test
  void a_token_without_an_expiry_is_rejected() throws Exception {
    Member member = registerAndSignIn("noexp");
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .issuer("digitaltowns")
                .subject(member.id().toString())
                .issueTime(new Date())
                .claim("roles", List.of("RESIDENT"))
                .build());
    jwt.sign(new MACSigner(ApiTestServers.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
    assertUnauthorized(jwt.serialize());
  }

  @Test
  void a_refresh_token_is_no_access_token_and_an_access_token_no_refresh_token() {
    Member member = registerAndSignIn("swapped");
    assertUnauthorized(member.refreshToken());
    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", member.accessToken()))
                .statusCode())
        .isIn(400, 401);
  }

  @Test
  void the_token_of_a_deleted_account_is_rejected() {
    Member member = registerAndSignIn("deleted");
    assertThat(delete("/api/me", member.accessToken()).statusCode()).isEqualTo(204);
    assertUnauthorized(member.accessToken());
  }

  @Test
  void garbage_in_the_authorization_header_is_rejected() {
    assertUnauthorized("not-a-jwt");
  }

  private void assertUnauthorized(String token) {
    HttpResponse<String> response = get("/api/me", token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).doesNotContain(token);
  }

  private static String sign(UUID subject, String secret, Instant expiresAt) throws Exception {
    return sign(subject, secret, expiresAt, "digitaltowns", List.of("RESIDENT"));
  }

  private static String sign(
      UUID subject, String secret, Instant expiresAt, String issuer, List<String> roles)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject.toString())
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                // what a genuine token also carries: the web service as audience, the user's first
                // session epoch
                .audience("digitaltowns-web")
                .claim("sep", 0L)
                .claim("roles", roles)
                .build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
