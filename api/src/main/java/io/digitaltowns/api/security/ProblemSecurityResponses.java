package io.digitaltowns.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and the firewall's 400 (a path with an encoded slash, semicolon or NUL, or bytes that
 * are not UTF-8) as RFC 9457 problem bodies, like every other error. The body never repeats the
 * token or says which check failed beyond what the client can act on.
 */
@Component
class ProblemSecurityResponses
    implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

  private final JsonMapper json;

  /** Spring's own mapper knows how to write a ProblemDetail's extra properties. */
  ProblemSecurityResponses(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            "A valid access token is required: sign in and send it as 'Authorization: Bearer <token>'.");
    problem.setTitle("Unauthorized");
    problem.setType(URI.create("https://digitaltowns.io/problems/unauthorized"));
    response.setHeader("WWW-Authenticate", "Bearer");
    write(request, response, problem);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN, "Your account is not allowed to do this.");
    problem.setTitle("Forbidden");
    problem.setType(URI.create("https://digitaltowns.io/problems/forbidden"));
    write(request, response, problem);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    // the rejection's message quotes the offending part of the path: it stays out of the answer
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request's path or headers contain characters that are not allowed.");
    problem.setTitle("Rejected request");
    problem.setType(URI.create("https://digitaltowns.io/problems/rejected-request"));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
