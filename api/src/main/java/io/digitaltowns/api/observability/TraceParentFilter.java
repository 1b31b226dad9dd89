package io.digitaltowns.api.observability;

import io.digitaltowns.api.web.TraceParent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request gets a W3C trace: a request without a valid {@code traceparent} header (or with a
 * malformed one) is given a new one, as if the client had sent it, so the controllers that read the
 * header pass a trace id on to the outbox, the Kafka headers and the consumers' logs. The {@code
 * traceparent} in effect is echoed in the response (a client or support can quote it) and its trace
 * id is in the logging MDC as {@code traceId} while the request is served.
 *
 * <p>Runs first, before Spring Security, so a refused request has a trace id too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceParentFilter extends OncePerRequestFilter {

  public static final String HEADER = "traceparent";
  public static final String MDC_TRACE_ID = "traceId";

  /** request attribute holding the 32-hex trace id of the request */
  public static final String TRACE_ID_ATTRIBUTE = TraceParentFilter.class.getName() + ".traceId";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String received = request.getHeader(HEADER);
    String traceparent = TraceParent.isValid(received) ? received.trim() : newTraceparent();
    String traceId = traceparent.substring(3, 35);
    HttpServletRequest traced =
        traceparent.equals(received) ? request : new WithTraceparent(request, traceparent);
    traced.setAttribute(TRACE_ID_ATTRIBUTE, traceId);
    response.setHeader(HEADER, traceparent);
    String outer = MDC.get(MDC_TRACE_ID);
    MDC.put(MDC_TRACE_ID, traceId);
    try {
      chain.doFilter(traced, response);
    } finally {
      if (outer == null) {
        MDC.remove(MDC_TRACE_ID);
      } else {
        MDC.put(MDC_TRACE_ID, outer);
      }
    }
  }

  /** version 00, a random trace id and parent (span) id, sampled */
  static String newTraceparent() {
    HexFormat hex = HexFormat.of();
    byte[] traceId = new byte[16];
    byte[] spanId = new byte[8];
    String traceparent;
    do {
      RANDOM.nextBytes(traceId);
      RANDOM.nextBytes(spanId);
      traceparent = "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01";
    } while (!TraceParent.isValid(traceparent));
    return traceparent;
  }

  /** The request as if the client had sent {@code traceparent} (replacing a malformed one). */
  private static final class WithTraceparent extends HttpServletRequestWrapper {

    private final String traceparent;

    WithTraceparent(HttpServletRequest request, String traceparent) {
      super(request);
      this.traceparent = traceparent;
    }

    @Override
    public String getHeader(String name) {
      return HEADER.equalsIgnoreCase(name) ? traceparent : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HEADER.equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(traceparent))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>();
      for (Enumeration<String> all = super.getHeaderNames();
          all != null && all.hasMoreElements(); ) {
        String name = all.nextElement();
        if (!HEADER.equalsIgnoreCase(name)) {
          names.add(name);
        }
      }
      names.add(HEADER);
      return Collections.enumeration(names);
    }
  }
}
