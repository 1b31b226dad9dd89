package io.digitaltowns.consumers.crmsync;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CrmSyncConfiguration {

  @Bean
  HubSpotClient hubSpotClient(HubSpotProperties properties) {
    return new HubSpotClient(properties);
  }
}
