package io.digitaltowns.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The public web service: REST commands and queries; every change writes its event to the outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiApplication {

  /**
   * Each service has its own config file name, so all of them can share one JVM in the local stack.
   */
  public static final String CONFIG_NAME = "api";

  public static void main(String[] args) {
    System.setProperty("spring.config.name", CONFIG_NAME);
    SpringApplication.run(ApiApplication.class, args);
  }
}
