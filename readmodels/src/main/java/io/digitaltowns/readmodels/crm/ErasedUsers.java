package io.digitaltowns.readmodels.crm;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Users who deleted their account. Checked before personal data is written: an event that arrives
 * after the erasure (a message on another topic, a replay into a fresh group) brings nothing back.
 */
@Component
public class ErasedUsers {

  private final JdbcClient jdbc;

  public ErasedUsers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean contains(String userId) {
    return userId != null
        && jdbc.sql("SELECT count(*) FROM consumers.crm_view_erased_users WHERE user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single()
            > 0;
  }

  public void add(String userId) {
    jdbc.sql(
            "INSERT INTO consumers.crm_view_erased_users (user_id, erased_at) VALUES (:userId, now()) ON CONFLICT DO NOTHING")
        .param("userId", userId)
        .update();
  }
}
