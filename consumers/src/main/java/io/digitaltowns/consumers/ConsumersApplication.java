package io.digitaltowns.consumers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The event consumers: each one its own consumer group, enabled by configuration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsumersApplication {

  /**
   * Each service has its own config file name, so all of them can share one JVM in the local stack.
   */
  public static final String CONFIG_NAME = "consumers";

  public static void main(String[] args) {
    System.setProperty("spring.config.name", CONFIG_NAME);
    SpringApplication.run(ConsumersApplication.class, args);
  }
}
