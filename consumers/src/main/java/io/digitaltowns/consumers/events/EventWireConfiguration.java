package io.digitaltowns.consumers.events;

import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.events.wire.SchemaRegistryHealthIndicator;
import io.digitaltowns.events.wire.SchemaRegistryProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SchemaRegistryProperties.class)
class EventWireConfiguration {

  @Bean
  SchemaRegistryClient schemaRegistryClient(SchemaRegistryProperties registry) {
    return registry.client();
  }

  @Bean
  AvroEventDeserializer avroEventDeserializer(SchemaRegistryClient registry) {
    return new AvroEventDeserializer(registry);
  }

  @Bean
  SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(SchemaRegistryClient registry) {
    return new SchemaRegistryHealthIndicator(registry);
  }
}
