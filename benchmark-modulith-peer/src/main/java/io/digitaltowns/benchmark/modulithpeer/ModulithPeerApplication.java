package io.digitaltowns.benchmark.modulithpeer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The Spring Modulith peer of the outbox relay (issue 11): an event published in a transaction is
 * stored in Modulith's JDBC event publication registry and externalized to Kafka after the commit.
 * The benchmark starts this as its own JVM; all settings come from the command line, the fixed ones
 * from modulith-peer.properties (not application.properties, which any other Spring application
 * would read if this jar were on its classpath).
 */
@SpringBootApplication
public class ModulithPeerApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(ModulithPeerApplication.class)
        .properties("spring.config.name=modulith-peer")
        .run(args);
  }
}
