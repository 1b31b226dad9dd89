package io.digitaltowns.readmodels.crm;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The CRM's contacts (users), and their erasure from the whole read model. */
@Component
public class Contacts {

  private final JdbcClient jdbc;
  private final ErasedUsers erased;

  public Contacts(JdbcClient jdbc, ErasedUsers erased) {
    this.jdbc = jdbc;
    this.erased = erased;
  }

  /**
   * @return false when the user was erased, and nothing was written
   */
  public boolean registered(
      String userId, String email, String displayName, String signupMethod, Instant at) {
    if (erased.contains(userId)) {
      return false;
    }
    jdbc.sql(
            """
            INSERT INTO consumers.crm_view_contacts (user_id, email, display_name, signup_method, registered_at, updated_at)
            VALUES (:userId, :email, :name, :method, :at, :at)
            ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name,
              signup_method = EXCLUDED.signup_method, updated_at = EXCLUDED.updated_at
            """)
        .param("userId", userId)
        .param("email", email)
        .param("name", displayName)
        .param("method", signupMethod)
        .param("at", Timestamps.of(at))
        .update();
    return true;
  }

  public void verified(String userId, String email, Instant at) {
    jdbc.sql(
            """
            UPDATE consumers.crm_view_contacts SET email_verified = true, email = :email, updated_at = :at
            WHERE user_id = :userId
            """)
        .param("userId", userId)
        .param("email", email)
        .param("at", Timestamps.of(at))
        .update();
  }

  public void suspended(String userId, boolean suspended, Instant at) {
    jdbc.sql(
            "UPDATE consumers.crm_view_contacts SET suspended = :suspended, updated_at = :at WHERE user_id = :userId")
        .param("userId", userId)
        .param("suspended", suspended)
        .param("at", Timestamps.of(at))
        .update();
  }

  /**
   * GDPR erasure: the contact and their own activities go; their name and the texts of their
   * messages are cleared from the companies' timelines (the entries stay, so a company's history
   * still shows that a message came); as an owner, their name and address leave the company.
   */
  public void erase(String userId) {
    erased.add(userId);
    jdbc.sql("DELETE FROM consumers.crm_view_contacts WHERE user_id = :userId")
        .param("userId", userId)
        .update();
    jdbc.sql(
            "DELETE FROM consumers.crm_view_activities WHERE user_id = :userId AND business_id IS NULL")
        .param("userId", userId)
        .update();
    jdbc.sql(
            """
            UPDATE consumers.crm_view_activities SET actor_name = NULL,
              detail = CASE WHEN kind = 'MESSAGE_RECEIVED' THEN NULL ELSE detail END
            WHERE actor_id = :userId OR user_id = :userId
            """)
        .param("userId", userId)
        .update();
    jdbc.sql(
            "UPDATE consumers.crm_view_companies SET owner_name = NULL, owner_email = NULL WHERE owner_id = :userId")
        .param("userId", userId)
        .update();
  }
}
