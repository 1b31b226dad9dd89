package io.digitaltowns.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The api as configured by default (no proxy configured), reached straight from a private address:
 * the X-Forwarded-For a client writes itself does not choose the rate-limit bucket it is counted
 * in. Its own context, since the api tests' shared one lifts the per-address limits.
 */
@TestPropertySource(
    properties =
        "tests.abuse-limits.register.per-ip-capacity=" + ForwardedForFromAClientTest.PER_ADDRESS)
class ForwardedForFromAClientTest extends ApiHttpTest {

  static final int PER_ADDRESS = 3;

  @Test
  void a_client_sending_x_forwarded_for_itself_is_still_counted_by_its_own_address() {
    RegistrationsFromOneMachine client =
        new RegistrationsFromOneMachine(this::send, url("/api/auth/register"));
    for (int i = 1; i <= PER_ADDRESS; i++) {
      assertThat(client.register("198.51.100." + i)).as("registration %d", i).isEqualTo(201);
    }

    // 127.0.0.1 is a private address, which Tomcat's default would have believed: a fresh bucket
    // per header value
    assertThat(client.register("198.51.100.99")).isEqualTo(429);
    assertThat(client.register("203.0.113.7, 198.51.100.100")).isEqualTo(429);
    assertThat(client.register(null)).isEqualTo(429);
  }
}
