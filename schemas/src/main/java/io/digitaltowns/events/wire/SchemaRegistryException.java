package io.digitaltowns.events.wire;

/** The registry refused a call (status > 0) or could not be reached (status 0). */
public class SchemaRegistryException extends RuntimeException {

  private final int status;

  public SchemaRegistryException(int status, String message) {
    super(message);
    this.status = status;
  }

  public SchemaRegistryException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
