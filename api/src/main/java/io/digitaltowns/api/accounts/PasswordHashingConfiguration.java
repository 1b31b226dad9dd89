package io.digitaltowns.api.accounts;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration
class PasswordHashingConfiguration {

  /**
   * bcrypt, with the algorithm id stored in each hash ({@code {bcrypt}...}) so a stronger algorithm
   * can take over later without invalidating existing passwords.
   */
  @Bean
  PasswordEncoder passwordEncoder(PasswordHashingProperties properties) {
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
  }

  /**
   * @param bcryptStrength log2 of the work factor; tests lower it, production keeps the default
   */
  @ConfigurationProperties("digitaltowns.passwords")
  record PasswordHashingProperties(@DefaultValue("11") int bcryptStrength) {}
}
