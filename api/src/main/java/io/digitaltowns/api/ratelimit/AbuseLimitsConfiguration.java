package io.digitaltowns.api.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the abuse limits. ApiApplication's {@code @ConfigurationPropertiesScan} would find the
 * properties too; enabling them here keeps the module self-contained (Boot registers them once).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AbuseLimitsProperties.class)
class AbuseLimitsConfiguration {

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
