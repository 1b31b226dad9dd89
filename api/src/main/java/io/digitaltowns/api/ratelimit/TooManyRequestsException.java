package io.digitaltowns.api.ratelimit;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 429 Too Many Requests as an RFC 9457 problem, with a {@code Retry-After} header in whole seconds.
 * The body names the action, never the address or account that hit the limit.
 */
public class TooManyRequestsException extends ErrorResponseException {

  public static final URI TYPE = URI.create("https://digitaltowns.io/problems/too-many-requests");

  private final LimitedAction action;
  private final long retryAfterSeconds;

  TooManyRequestsException(LimitedAction action, long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, problem(action, retryAfterSeconds), null);
    this.action = action;
    this.retryAfterSeconds = retryAfterSeconds;
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
  }

  /** The action whose limit was reached. */
  public LimitedAction action() {
    return action;
  }

  /** How long the client should wait before trying again, in whole seconds (at least 1). */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static ProblemDetail problem(LimitedAction action, long retryAfterSeconds) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many "
                + action.description()
                + ". Please try again in "
                + readable(retryAfterSeconds)
                + ".");
    problem.setType(TYPE);
    problem.setTitle("Too many requests");
    problem.setProperty("action", action.key());
    problem.setProperty("retryAfterSeconds", retryAfterSeconds);
    return problem;
  }

  /** 45 → "45 seconds", 180 → "3 minutes", 7200 → "2 hours"; always rounded up. */
  static String readable(long seconds) {
    if (seconds < 120) {
      return seconds == 1 ? "1 second" : seconds + " seconds";
    }
    long minutes = (seconds + 59) / 60;
    if (minutes < 120) {
      return minutes + " minutes";
    }
    return (minutes + 59) / 60 + " hours";
  }
}
