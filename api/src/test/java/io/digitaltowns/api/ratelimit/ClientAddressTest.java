package io.digitaltowns.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

  @Test
  void the_client_address_is_the_remote_address_the_container_resolved() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("203.0.113.7");

    assertThat(ClientAddress.of(request)).isEqualTo("203.0.113.7");
  }

  @Test
  void a_forwarded_for_header_sent_by_the_client_does_not_choose_its_bucket() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("203.0.113.7");
    request.addHeader("X-Forwarded-For", "198.51.100.1");

    assertThat(ClientAddress.of(request)).isEqualTo("203.0.113.7");
  }
}
