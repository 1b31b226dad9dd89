package io.digitaltowns.stack;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.stack.faults.ScaledOutSystem;

/**
 * The system scaled out on a three-broker Kafka cluster ({@link LocalStack#sharedCluster()}): two
 * relays and two instances of every consumer group, started once per test JVM by the fault tests.
 */
final class ClusterSystem {

  private static ScaledOutSystem started;

  private ClusterSystem() {}

  static synchronized ScaledOutSystem get() {
    if (started == null) {
      started = ScaledOutSystem.start(LocalStack.sharedCluster(), SharedSystem.SETTINGS);
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return started;
  }
}
