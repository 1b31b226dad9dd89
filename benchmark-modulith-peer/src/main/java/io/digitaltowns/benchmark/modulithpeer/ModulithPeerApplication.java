package io.digitaltowns.benchmark.modulithpeer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Modulith peer of the outbox relay (issue 11): an event published in a transaction is stored in
 * Modulith's JDBC event publication registry and externalized to Kafka after the commit. The benchmark starts this
 * as its own JVM; all settings come from the command line (see application.properties for the fixed ones).
 */
@SpringBootApplication
public class ModulithPeerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ModulithPeerApplication.class, args);
  }
}
