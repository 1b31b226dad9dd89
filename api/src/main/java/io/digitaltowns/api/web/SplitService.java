package io.digitaltowns.api.web;

import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * A private service split off the web service by path (the auth service, the CRM service). The same
 * jar runs as the web service, which answers the service's paths in process or, with the service's
 * URL set, forwards them there; or as the service itself ({@code SERVICE_ROLE=<name>}), which
 * answers only its own paths and the operational ones. The two services differ in exactly these
 * parameters (they drifted apart as copies; each keeps its behaviour).
 *
 * @param name the role that makes an instance this service ({@code auth}, {@code crm})
 * @param ownsPath the request paths the service answers
 * @param forwardingRoles which other roles forward the service's paths when its URL is set
 * @param errorPageIsOperational whether {@code /error} is answered whatever the role (the CRM
 *     service: yes)
 * @param notHereDetail the 404 problem's detail on the service for a path that is not its own
 * @param unavailable the 502 problem when the service does not answer a forwarded request
 */
public record SplitService(
    String name,
    Predicate<String> ownsPath,
    ForwardingRoles forwardingRoles,
    boolean errorPageIsOperational,
    String notHereDetail,
    ServiceForwarder.Unavailable unavailable) {

  /**
   * Before Spring Security (order -100): forwarded requests are authenticated by the service
   * itself.
   */
  static final int BEFORE_SECURITY = Ordered.HIGHEST_PRECEDENCE + 50;

  /** The default role: the whole web service. */
  public static final String WEB_ROLE = "web";

  /** Which instances forward the service's paths to it once its URL is set. */
  public enum ForwardingRoles {
    /**
     * Every role but the service's own (the CRM service forwards accounts requests to the auth
     * service too).
     */
    ALL_BUT_THE_SERVICE,
    /** The web role only (the auth service answers CRM requests with its own 404). */
    WEB_ONLY
  }

  /**
   * What an instance with {@code role} and the service's {@code url} does with the service's paths.
   */
  public enum Mode {
    /** This instance is the service: every other path is a 404. */
    BOUNDARY,
    /** The service runs apart: its paths are forwarded to it. */
    FORWARD,
    /** The paths are answered here, like any other. */
    IN_PROCESS
  }

  public Mode modeFor(String role, URI url) {
    if (name.equals(role)) {
      return Mode.BOUNDARY;
    }
    boolean urlSet = url != null && !url.toString().isBlank();
    boolean forwardingRole =
        switch (forwardingRoles) {
          case ALL_BUT_THE_SERVICE -> true;
          case WEB_ONLY -> WEB_ROLE.equals(role);
        };
    return urlSet && forwardingRole ? Mode.FORWARD : Mode.IN_PROCESS;
  }

  /** What any instance answers whatever its role. */
  public boolean isOperational(String path) {
    return path.equals("/health")
        || path.startsWith("/actuator/")
        || path.startsWith("/v3/api-docs")
        || path.startsWith("/swagger-ui")
        || (errorPageIsOperational && path.equals("/error"));
  }

  /**
   * The filter for an instance with {@code role}; registered but off when the paths are answered in
   * process.
   */
  public FilterRegistrationBean<SplitServiceFilter> registration(
      String role, URI url, Duration timeout) {
    Mode mode = modeFor(role, url);
    ServiceForwarder forwarder =
        mode == Mode.FORWARD ? new ServiceForwarder(url, timeout, unavailable) : null;
    FilterRegistrationBean<SplitServiceFilter> registration =
        new FilterRegistrationBean<>(new SplitServiceFilter(this, mode, forwarder));
    registration.setName(name + "ServiceSplit");
    registration.setOrder(BEFORE_SECURITY);
    registration.addUrlPatterns("/*");
    registration.setEnabled(mode != Mode.IN_PROCESS);
    return registration;
  }
}
