package io.digitaltowns.api.accounts.tokens;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs and verifies access tokens with one HS256 key. */
@Configuration
class JwtConfiguration {

  @Bean
  JwtEncoder jwtEncoder(JwtProperties properties) {
    return new NimbusJwtEncoder(new ImmutableSecret<>(key(properties)));
  }

  /**
   * Accepts only HS256 with our key and issuer, unexpired: {@code alg: none} or another key fails.
   * The default validators check an expiry only when there is one, so a token without one is
   * refused here: it would never end. The token must name this instance's service in {@code aud}
   * (see {@link ServiceAudience}).
   */
  @Bean
  JwtDecoder jwtDecoder(JwtProperties properties, Environment environment) {
    String audience = ServiceAudience.ofThisInstance(environment).claim();
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(key(properties)).macAlgorithm(MacAlgorithm.HS256).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuer()),
            new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
            new JwtClaimValidator<Collection<?>>(
                JwtClaimNames.AUD, named -> named != null && named.contains(audience))));
    return decoder;
  }

  private static SecretKey key(JwtProperties properties) {
    return new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }
}
