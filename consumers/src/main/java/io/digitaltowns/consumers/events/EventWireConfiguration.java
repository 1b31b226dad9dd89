package io.digitaltowns.consumers.events;

import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SchemaRegistryProperties.class)
class EventWireConfiguration {

  @Bean
  AvroEventDeserializer avroEventDeserializer(SchemaRegistryProperties registry) {
    return new AvroEventDeserializer(registry.client());
  }
}
