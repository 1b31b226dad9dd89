package io.digitaltowns.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox relay: the only writer of the domain topics. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RelayApplication {

  /**
   * Each service has its own config file name, so all of them can share one JVM in the local stack.
   */
  public static final String CONFIG_NAME = "relay";

  public static void main(String[] args) {
    System.setProperty("spring.config.name", CONFIG_NAME);
    SpringApplication.run(RelayApplication.class, args);
  }
}
