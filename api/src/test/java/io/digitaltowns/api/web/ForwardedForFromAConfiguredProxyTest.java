package io.digitaltowns.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The api with this machine configured as its proxy (INTERNAL_PROXIES, as Render's network is in
 * render.yaml): the client address is the proxy's X-Forwarded-For, and a client that writes its own
 * header in front of the proxy's entry still lands in its own bucket.
 */
@TestPropertySource(
    properties = {
      "INTERNAL_PROXIES=127.0.0.0/8, ::1/128",
      "tests.abuse-limits.register.per-ip-capacity="
          + ForwardedForFromAConfiguredProxyTest.PER_ADDRESS
    })
class ForwardedForFromAConfiguredProxyTest extends ApiHttpTest {

  static final int PER_ADDRESS = 3;

  @Test
  void behind_a_configured_proxy_each_client_address_it_forwards_has_its_own_bucket() {
    RegistrationsFromOneMachine proxy =
        new RegistrationsFromOneMachine(this::send, url("/api/auth/register"));
    for (int i = 1; i <= PER_ADDRESS; i++) {
      assertThat(proxy.register("198.51.100.7"))
          .as("registration %d of one client", i)
          .isEqualTo(201);
    }

    assertThat(proxy.register("198.51.100.7")).as("that client is over its limit").isEqualTo(429);
    // the client prepended an address of its choice; the proxy appended the one it saw
    assertThat(proxy.register("203.0.113.50, 198.51.100.7"))
        .as("its own entry does not help it")
        .isEqualTo(429);
    assertThat(proxy.register("198.51.100.8")).as("another client is not held back").isEqualTo(201);
  }
}
