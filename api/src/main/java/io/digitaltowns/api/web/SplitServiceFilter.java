package io.digitaltowns.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link SplitService}'s filter. On the service ({@link SplitService.Mode#BOUNDARY}): anything
 * that is not its path does not exist here. On the web service with the service's URL set ({@link
 * SplitService.Mode#FORWARD}): every request for the service's paths goes there as it came and its
 * answer is relayed; this runs before security, since the service authenticates (and authorises)
 * those requests itself.
 */
public class SplitServiceFilter extends OncePerRequestFilter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SplitService service;
  private final SplitService.Mode mode;
  private final ServiceForwarder forwarder;

  SplitServiceFilter(SplitService service, SplitService.Mode mode, ServiceForwarder forwarder) {
    this.service = service;
    this.mode = mode;
    this.forwarder = forwarder;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return switch (mode) {
      case BOUNDARY -> service.ownsPath().test(path) || service.isOperational(path);
      case FORWARD -> !service.ownsPath().test(path);
      case IN_PROCESS -> true;
    };
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (mode == SplitService.Mode.FORWARD) {
      forwarder.forward(request, response);
      return;
    }
    response.setStatus(404);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write(
            "{\"title\":\"Not found\",\"status\":404,\"detail\":"
                + JSON.writeValueAsString(service.notHereDetail())
                + "}");
  }
}
