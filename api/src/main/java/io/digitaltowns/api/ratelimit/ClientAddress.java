package io.digitaltowns.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the client that sent a request, for per-IP limits.
 *
 * <p>This is {@link HttpServletRequest#getRemoteAddr()} and nothing else: headers such as {@code
 * X-Forwarded-For} are written by the client and would let anyone choose the bucket they are
 * counted in. Behind a load balancer or reverse proxy, set {@code
 * server.forward-headers-strategy=native} (Tomcat's RemoteIpValve, which only trusts internal proxy
 * addresses): the remote address is then the real client's, taken from the proxy's {@code
 * X-Forwarded-For}.
 */
public final class ClientAddress {

  private ClientAddress() {}

  /** The client's IP address as the servlet container resolved it. */
  public static String of(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
