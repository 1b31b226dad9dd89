package io.digitaltowns.consumers.crm;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Users who deleted their account. Checked before personal data is written: an event that arrives
 * after the erasure (a message on another topic, a replay into a fresh group) brings nothing back.
 */
@Component
class ErasedUsers {

  private final JdbcClient jdbc;

  ErasedUsers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean contains(String userId) {
    return userId != null && jdbc.sql("SELECT count(*) FROM consumers.crm_view_erased_users WHERE user_id = :userId")
        .param("userId", userId).query(Long.class).single() > 0;
  }

  void add(String userId) {
    jdbc.sql("INSERT INTO consumers.crm_view_erased_users (user_id, erased_at) VALUES (:userId, now()) ON CONFLICT DO NOTHING")
        .param("userId", userId).update();
  }
}
