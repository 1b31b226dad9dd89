package io.digitaltowns.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.web.SplitService.ForwardingRoles;
import io.digitaltowns.api.web.SplitService.Mode;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The one split-service mechanism: what each role does with a private service's paths, per
 * parameter.
 */
class SplitServiceTest {

  private static final URI URL = URI.create("http://private:3002");
  private static final ServiceForwarder.Unavailable UNAVAILABLE =
      new ServiceForwarder.Unavailable("t", "t", "d");

  private static SplitService service(ForwardingRoles roles, boolean errorPageIsOperational) {
    return new SplitService(
        "auth",
        path -> path.startsWith("/api/auth/"),
        roles,
        errorPageIsOperational,
        "only accounts",
        UNAVAILABLE);
  }

  @Test
  void the_service_s_own_role_is_the_boundary_whether_or_not_its_url_is_set() {
    assertThat(service(ForwardingRoles.ALL_BUT_THE_SERVICE, false).modeFor("auth", URL))
        .isEqualTo(Mode.BOUNDARY);
    assertThat(service(ForwardingRoles.WEB_ONLY, true).modeFor("auth", null))
        .isEqualTo(Mode.BOUNDARY);
  }

  @Test
  void without_a_url_every_other_role_answers_in_process() {
    assertThat(service(ForwardingRoles.ALL_BUT_THE_SERVICE, false).modeFor("web", null))
        .isEqualTo(Mode.IN_PROCESS);
    assertThat(service(ForwardingRoles.ALL_BUT_THE_SERVICE, false).modeFor("web", URI.create("")))
        .isEqualTo(Mode.IN_PROCESS);
  }

  @Test
  void with_a_url_the_forwarding_roles_decide_whether_another_private_service_forwards_too() {
    SplitService fromEveryRole = service(ForwardingRoles.ALL_BUT_THE_SERVICE, false);
    SplitService fromWebOnly = service(ForwardingRoles.WEB_ONLY, true);

    assertThat(fromEveryRole.modeFor("web", URL)).isEqualTo(Mode.FORWARD);
    assertThat(fromEveryRole.modeFor("crm", URL)).isEqualTo(Mode.FORWARD);
    assertThat(fromWebOnly.modeFor("web", URL)).isEqualTo(Mode.FORWARD);
    assertThat(fromWebOnly.modeFor("crm", URL)).isEqualTo(Mode.IN_PROCESS);
  }

  @Test
  void the_error_page_is_operational_only_where_the_service_says_so() {
    assertThat(service(ForwardingRoles.WEB_ONLY, true).isOperational("/error")).isTrue();
    assertThat(service(ForwardingRoles.ALL_BUT_THE_SERVICE, false).isOperational("/error"))
        .isFalse();
    assertThat(
            service(ForwardingRoles.ALL_BUT_THE_SERVICE, false).isOperational("/actuator/health"))
        .isTrue();
  }

  @Test
  void a_role_that_answers_in_process_registers_no_filter() {
    assertThat(
            service(ForwardingRoles.WEB_ONLY, true)
                .registration("web", null, java.time.Duration.ofSeconds(1))
                .isEnabled())
        .isFalse();
    assertThat(
            service(ForwardingRoles.WEB_ONLY, true)
                .registration("auth", null, java.time.Duration.ofSeconds(1))
                .isEnabled())
        .isTrue();
  }
}
