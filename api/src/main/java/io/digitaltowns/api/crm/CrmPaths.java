package io.digitaltowns.api.crm;

/** The paths the CRM service owns. */
final class CrmPaths {

  static final String PREFIX = "/api/admin/crm";

  private CrmPaths() {
  }

  static boolean owns(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  /** What any instance answers whatever its role. */
  static boolean isOperational(String path) {
    return path.equals("/health") || path.startsWith("/actuator/") || path.startsWith("/v3/api-docs")
        || path.startsWith("/swagger-ui") || path.equals("/error");
  }
}
