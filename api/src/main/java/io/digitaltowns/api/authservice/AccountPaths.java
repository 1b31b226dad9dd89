package io.digitaltowns.api.authservice;

import java.util.List;

/** The paths the auth service owns: sign-up and sign-in, my account, user administration, OAuth. */
final class AccountPaths {

  private static final List<String> PREFIXES =
      List.of("/api/auth/", "/api/me", "/api/admin/users", "/oauth2/", "/login/oauth2/");

  private AccountPaths() {}

  static boolean owns(String path) {
    return PREFIXES.stream().anyMatch(path::startsWith);
  }
}
