package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.wire.UndecodableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The sink's listeners retry a failed write (PostgreSQL away) for as long as it takes instead of
 * dead-lettering it: the table is a copy of a compacted topic, and a later record of the same key
 * must never be overtaken by a redriven older one. Only a record that can never be decoded is
 * logged and skipped.
 */
@Configuration
class AnalyticsSinkConfiguration {

  static final String CONTAINER_FACTORY = "analyticsSinkContainerFactory";

  private static final Logger log = LoggerFactory.getLogger(AnalyticsSinkConfiguration.class);

  @Bean(CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<Object, Object> analyticsSinkContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      ConsumerFactory<Object, Object> consumers) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, consumers);
    ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
    backOff.setMaxInterval(60_000);
    DefaultErrorHandler errors =
        new DefaultErrorHandler(
            (record, failure) ->
                log.error(
                    "skipped undecodable analytics record {}-{}@{}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    failure),
            backOff);
    errors.addNotRetryableExceptions(UndecodableEventException.class);
    factory.setCommonErrorHandler(errors);
    return factory;
  }
}
