package io.digitaltowns.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresConnectionTest {

  @Test
  void host_port_and_database_are_read_from_the_jdbc_url() {
    assertThat(
            PostgresConnection.fromJdbcUrl(
                "jdbc:postgresql://db.internal:6543/towns?sslmode=require"))
        .isEqualTo(new PostgresConnection("db.internal", 6543, "towns"));
  }

  @Test
  void the_default_port_and_database_apply_when_missing() {
    assertThat(PostgresConnection.fromJdbcUrl("jdbc:postgresql://localhost/"))
        .isEqualTo(new PostgresConnection("localhost", 5432, "postgres"));
  }

  @Test
  void a_url_of_another_database_is_refused() {
    assertThatThrownBy(() -> PostgresConnection.fromJdbcUrl("jdbc:mysql://localhost/db"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_trace_parent_continues_the_request_trace_with_a_span_from_the_event_id() {
    assertThat(
            TraceParentHeader.childOf(
                "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa-0ba9-02b7-8b1e-123456789abc"))
        .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  }
}
