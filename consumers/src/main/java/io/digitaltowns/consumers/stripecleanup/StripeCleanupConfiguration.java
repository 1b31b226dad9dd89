package io.digitaltowns.consumers.stripecleanup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StripeCleanupConfiguration {

  @Bean
  StripeSubscriptions stripeSubscriptions(StripeProperties properties) {
    return new StripeSubscriptions(properties);
  }
}
