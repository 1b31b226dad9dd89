package io.digitaltowns.api.site.signin;

/**
 * Where to go after signing in: only a path on this site, so the link cannot send anyone elsewhere.
 */
final class LocalPath {

  private LocalPath() {}

  static String orHome(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    return next;
  }
}
