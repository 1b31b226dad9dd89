package io.digitaltowns.infra.registry;

/**
 * A failure the registry reports to its client the way Confluent's does: HTTP status plus an error
 * code.
 */
final class RegistryException extends RuntimeException {

  private final int httpStatus;
  private final int errorCode;

  RegistryException(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(String version) {
    return new RegistryException(404, 40402, "Version " + version + " not found.");
  }

  static RegistryException schemaNotFound(String what) {
    return new RegistryException(404, 40403, "Schema " + what + " not found.");
  }

  static RegistryException subjectLevelNotConfigured(String subject) {
    return new RegistryException(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  static RegistryException invalidSchema(String reason) {
    return new RegistryException(422, 42201, "Invalid schema: " + reason);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  static RegistryException invalidCompatibilityLevel(String level) {
    return new RegistryException(
        422,
        42203,
        "Invalid compatibility level. Valid values are none, backward, forward, full, "
            + "backward_transitive, forward_transitive, and full_transitive; was '"
            + level
            + "'");
  }

  static RegistryException incompatible(String subject, java.util.List<String> problems) {
    return new RegistryException(
        409,
        409,
        "Schema being registered is incompatible with an earlier schema for subject \""
            + subject
            + "\", details: "
            + problems);
  }

  static RegistryException storeUnavailable(String reason, Throwable cause) {
    RegistryException exception =
        new RegistryException(
            500, 50002, "Error while storing or reading the schemas log: " + reason);
    exception.initCause(cause);
    return exception;
  }

  int httpStatus() {
    return httpStatus;
  }

  int errorCode() {
    return errorCode;
  }
}
