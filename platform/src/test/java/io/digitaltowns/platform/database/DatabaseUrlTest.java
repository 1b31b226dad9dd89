package io.digitaltowns.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void a_render_style_url_becomes_a_jdbc_url_with_tls_kept_and_credentials_apart() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "postgres://dt_user:p%40ss@dpg-abc.oregon-postgres.render.com:5432/dt?sslmode=require");

    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://dpg-abc.oregon-postgres.render.com:5432/dt?sslmode=require");
    assertThat(url.username()).isEqualTo("dt_user");
    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(url.toString()).doesNotContain("p@ss");
  }

  @Test
  void a_url_without_port_or_query_works_and_a_broken_one_does_not_echo_the_password() {
    assertThat(DatabaseUrl.parse("postgresql://u:secret@db/app").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db/app");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:secret@/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
  }

  @Test
  void jdbc_urls_are_not_the_platform_form() {
    assertThat(DatabaseUrl.isPlatformForm("jdbc:postgresql://localhost:5432/db")).isFalse();
  }
}
