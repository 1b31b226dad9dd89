package io.digitaltowns.relay.engine;

import java.time.Duration;

/** What a running {@link OutboxStream} asks the relay around it. */
public interface RelayControl {

  /**
   * False once the relay is stopping or this instance lost the lock: finish the batch at hand and
   * return.
   */
  boolean keepGoing();

  /** Waits, but returns at once when the relay is asked to stop. */
  void pause(Duration duration);
}
