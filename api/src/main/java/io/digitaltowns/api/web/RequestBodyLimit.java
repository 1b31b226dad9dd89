package io.digitaltowns.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every request body, before anyone reads it: a JSON body is parsed whole, and unknown
 * fields are ignored, so without a bound a stranger could make an instance hold megabytes per
 * request. The api's largest legitimate body (a listing with its description, an SDP offer, a
 * Stripe event) is well under the bound.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyLimit extends OncePerRequestFilter {

  /** 1 MiB. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private final JsonMapper json;

  RequestBodyLimit(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONTENT_TOO_LARGE,
              "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
      problem.setTitle("Request body too large");
      problem.setType(URI.create("https://digitaltowns.io/problems/body-too-large"));
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      // the client is still sending: closing is cheaper than reading the rest just to throw it away
      response.setHeader("Connection", "close");
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    // a chunked body announces no length: it is cut off where it passes the bound and then fails to
    // parse (400)
    chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request) : request, response);
  }

  private static final class Bounded extends HttpServletRequestWrapper {

    private ServletInputStream bounded;

    Bounded(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (bounded == null) {
        bounded = new BoundedStream(super.getInputStream());
      }
      return bounded;
    }
  }

  private static final class BoundedStream extends ServletInputStream {

    private final ServletInputStream in;
    private long read;

    BoundedStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > MAX_BODY_BYTES) {
        throw new IOException("request body larger than " + MAX_BODY_BYTES + " bytes");
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
