package io.digitaltowns.api.ratelimit;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the abuse limits; the module is self-contained (its properties are bound here, see
 * AbuseLimitsProperties).
 */
@Configuration(proxyBeanMethods = false)
class AbuseLimitsConfiguration {

  @Bean
  AbuseLimitsProperties abuseLimitsProperties(Environment environment) {
    return AbuseLimitsProperties.bind(Binder.get(environment));
  }

  /** Closed with the context: the Redis connection and client are shut down. */
  @Bean(destroyMethod = "close")
  BucketStore abuseLimitsBucketStore(AbuseLimitsProperties properties) {
    return BucketStore.create(properties);
  }

  @Bean
  AbuseLimits abuseLimits(AbuseLimitsProperties properties, BucketStore abuseLimitsBucketStore) {
    return new AbuseLimits(properties, abuseLimitsBucketStore);
  }
}
