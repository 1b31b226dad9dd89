package io.digitaltowns.api.site.errors;

/**
 * What an error page says: never internals, at most how long to wait.
 *
 * @param retryAfterSeconds for 429, the wait from Retry-After; otherwise 0
 */
public record ErrorPage(int status, String title, String message, long retryAfterSeconds) {

  static ErrorPage of(int status) {
    return of(status, 0);
  }

  static ErrorPage of(int status, long retryAfterSeconds) {
    return switch (status) {
      case 400 ->
          new ErrorPage(
              400,
              "That did not work",
              "Something in the request was not right. Go back and try again.",
              0);
      case 401, 403 ->
          new ErrorPage(
              403,
              "Not for you",
              "You may not open this page. If you just signed in or out, or the form was open for a long time, "
                  + "reload the page and try again.",
              0);
      case 404 ->
          new ErrorPage(
              404,
              "Page not found",
              "There is nothing here. The address may be mistyped, " + "or the page was removed.",
              0);
      case 429 ->
          new ErrorPage(
              429,
              "Too many tries",
              retryAfterSeconds > 0
                  ? "Please wait " + readable(retryAfterSeconds) + " before trying again."
                  : "Please wait a little before trying again.",
              retryAfterSeconds);
      default ->
          status >= 500
              ? new ErrorPage(
                  status,
                  "Something went wrong",
                  "It is our fault, not yours. Please try again in a moment.",
                  0)
              : new ErrorPage(status, "That did not work", "Go back and try again.", 0);
    };
  }

  static String readable(long seconds) {
    if (seconds < 60) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 59) / 60;
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
