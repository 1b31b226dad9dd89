package io.digitaltowns.api.crm;

/** The paths the CRM service owns. */
final class CrmPaths {

  static final String PREFIX = "/api/admin/crm";

  private CrmPaths() {}

  static boolean owns(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }
}
