package io.digitaltowns.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiApplication;
import io.digitaltowns.api.ApiTestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api as configured by default (no proxy configured), reached straight from a private address: the
 * X-Forwarded-For a client writes itself does not choose the rate-limit bucket it is counted in. Its own
 * context, since the api tests' shared one lifts the per-address limits.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + ApiApplication.CONFIG_NAME)
class ForwardedForFromAClientTest {

  static final int PER_ADDRESS = 3;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    ApiTestServers.register(registry);
    registry.add("digitaltowns.abuse-limits.register.per-ip-capacity", () -> PER_ADDRESS);
  }

  @LocalServerPort
  int port;

  @Test
  void a_client_sending_x_forwarded_for_itself_is_still_counted_by_its_own_address() {
    RegistrationsFromOneMachine client = new RegistrationsFromOneMachine(port);
    for (int i = 1; i <= PER_ADDRESS; i++) {
      assertThat(client.register("198.51.100." + i)).as("registration %d", i).isEqualTo(201);
    }

    // 127.0.0.1 is a private address, which Tomcat's default would have believed: a fresh bucket per header value
    assertThat(client.register("198.51.100.99")).isEqualTo(429);
    assertThat(client.register("203.0.113.7, 198.51.100.100")).isEqualTo(429);
    assertThat(client.register(null)).isEqualTo(429);
  }
}
