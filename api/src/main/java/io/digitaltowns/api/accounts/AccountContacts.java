package io.digitaltowns.api.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where to reach a user: other features put it in the events whose mails go to that user. */
@Service
public class AccountContacts {

  private final JdbcClient jdbc;

  AccountContacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param emailVerified whether the user proved they receive mail at {@code email}
   */
  public record Contact(UUID userId, String email, String displayName, boolean emailVerified) {}

  public Optional<Contact> of(UUID userId) {
    return jdbc.sql("SELECT id, email, display_name, email_verified FROM users WHERE id = :id")
        .param("id", userId)
        .query(
            (rs, n) ->
                new Contact(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getString("display_name"),
                    rs.getBoolean("email_verified")))
        .optional();
  }
}
