package io.digitaltowns.ops;

/**
 * The operation would be unsafe right now; nothing was changed. Exits with {@link OpsExit#REFUSED}.
 */
public class RefusedException extends RuntimeException {

  public RefusedException(String message) {
    super(message);
  }
}
