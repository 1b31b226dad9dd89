package io.digitaltowns.api.events;

import io.digitaltowns.events.EventCatalog;
import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.events.wire.SchemaRegistryHealthIndicator;
import io.digitaltowns.events.wire.SchemaRegistryProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SchemaRegistryProperties.class)
class EventWireConfiguration {

  /**
   * Registering every schema at start makes a broken or incompatible schema stop the deploy, not a
   * request.
   */
  @Bean
  SchemaRegistryClient schemaRegistryClient(SchemaRegistryProperties properties) {
    SchemaRegistryClient client = properties.client();
    EventCatalog.registerAll(client);
    return client;
  }

  @Bean
  SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(SchemaRegistryClient client) {
    return new SchemaRegistryHealthIndicator(client);
  }

  @Bean
  AvroEventSerializer avroEventSerializer(SchemaRegistryClient client) {
    return new AvroEventSerializer(client);
  }
}
