package io.digitaltowns.platform.relaystatus;

import java.time.Instant;

/**
 * A session holding ({@code granted}) or waiting for the relay's advisory lock.
 *
 * @param applicationName its {@code application_name}, or null when PostgreSQL no longer lists the
 *     session
 * @param clientAddress its client's address, or null for a local socket
 */
public record RelayLockSession(
    int pid, String applicationName, String clientAddress, Instant backendStart, boolean granted) {

  /**
   * Who holds the lock, for one line of a page: the application name (or the pid), and where it
   * connects from.
   */
  public String describe() {
    String name =
        applicationName == null || applicationName.isEmpty() ? "pid " + pid : applicationName;
    return clientAddress == null ? name : name + " @ " + clientAddress;
  }
}
