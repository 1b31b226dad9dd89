package io.digitaltowns.api.accounts.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.api.accounts.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Tokens signed with the shared key but minted for another service, or without a session epoch, are
 * refused (issue 16, findings 8 and 15). This instance is the web service.
 */
class ServiceAudienceTest extends ApiHttpTest {

  @Autowired private JwtEncoder encoder;

  @Test
  void a_token_minted_for_another_service_is_refused_here() {
    Member member = registerAndSignIn("audience");

    assertThat(
            get("/api/me", mint(member.id(), List.of(ServiceAudience.CRM.claim()), 0L))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            get("/api/me", mint(member.id(), List.of(ServiceAudience.AUTH.claim()), 0L))
                .statusCode())
        .isEqualTo(401);
    assertThat(get("/api/me", mint(member.id(), List.of(), 0L)).statusCode()).isEqualTo(401);
    assertThat(
            get("/api/me", mint(member.id(), List.of(ServiceAudience.WEB.claim()), 0L))
                .statusCode())
        .as("the same token minted for this service")
        .isEqualTo(200);
  }

  @Test
  void a_token_without_the_current_session_epoch_is_refused() {
    Member member = registerAndSignIn("epochless");

    assertThat(
            get("/api/me", mint(member.id(), List.of(ServiceAudience.WEB.claim()), null))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            get("/api/me", mint(member.id(), List.of(ServiceAudience.WEB.claim()), 1L))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void a_session_is_minted_for_the_web_and_auth_services_and_for_the_crm_service_only_when_admin() {
    Member resident = registerAndSignIn("aud-resident");
    Member admin = registerAndSignIn("aud-admin");
    roles.grant(admin.id(), Role.ADMIN, null);
    String adminToken = read(login(admin.email(), PASSWORD)).get("accessToken").asText();

    assertThat(SessionEndTest.claims(resident.accessToken()).get("aud").toString())
        .isEqualTo("[\"digitaltowns-web\",\"digitaltowns-auth\"]");
    assertThat(SessionEndTest.claims(adminToken).get("aud").toString())
        .isEqualTo("[\"digitaltowns-web\",\"digitaltowns-auth\",\"digitaltowns-crm\"]");
  }

  /**
   * A token signed with the right key and issuer, for a user, with the given audience and session
   * epoch.
   */
  private String mint(UUID userId, List<String> audience, Long sessionEpoch) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer("digitaltowns")
            .subject(userId.toString())
            .issuedAt(now)
            .expiresAt(now.plus(Duration.ofMinutes(5)))
            .claim(AccessTokens.AUTH_TIME, now.getEpochSecond());
    if (!audience.isEmpty()) {
      claims.audience(audience);
    }
    if (sessionEpoch != null) {
      claims.claim(AccessTokens.SESSION_EPOCH, sessionEpoch);
    }
    return encoder
        .encode(
            JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
        .getTokenValue();
  }
}
