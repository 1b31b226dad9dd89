package io.digitaltowns.consumers;

import io.digitaltowns.infra.LocalStack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the consumers application as its deployment would, against the real servers of the local
 * stack: settings go in as command-line arguments, above the application's own consumers.yml.
 */
public final class RunningConsumers {

  public static final String EMAIL_LINK_SECRET = "consumers-test-email-link-secret-0123456789";
  public static final String PUBLIC_BASE_URL = "https://towns.example.org";

  private RunningConsumers() {}

  /**
   * @param overrides settings on top of the servers' addresses and the test's link secret and base
   *     URL
   */
  public static ConfigurableApplicationContext start(
      LocalStack stack, Map<String, Object> overrides) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", stack.jdbcUrl());
    settings.put("spring.datasource.username", stack.databaseUser());
    settings.put("spring.datasource.password", stack.databasePassword());
    settings.put("spring.kafka.bootstrap-servers", stack.kafkaBootstrapServers());
    settings.put("digitaltowns.schema-registry.url", stack.schemaRegistryUrl());
    settings.put("spring.mail.host", stack.smtpHost());
    settings.put("spring.mail.port", stack.smtpPort());
    settings.put("spring.main.banner-mode", "off");
    settings.put("server.port", 0);
    settings.put("digitaltowns.email.public-base-url", PUBLIC_BASE_URL);
    settings.put("digitaltowns.email.link-secret", EMAIL_LINK_SECRET);
    settings.put("logging.level.com.icegreen.greenmail", "WARN");
    settings.putAll(overrides);
    List<String> args = new ArrayList<>();
    args.add("--spring.config.name=" + ConsumersApplication.CONFIG_NAME);
    settings.forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(ConsumersApplication.class)
        .registerShutdownHook(false)
        .run(args.toArray(String[]::new));
  }
}
