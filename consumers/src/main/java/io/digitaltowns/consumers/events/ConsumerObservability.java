package io.digitaltowns.consumers.events;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.RecordInterceptor;

/** Trace ids in the logs and meters for every consumer group (issue 8). */
@Configuration
class ConsumerObservability {

  @Bean
  ConsumerMetrics consumerMetrics(MeterRegistry registry) {
    return new ConsumerMetrics(registry);
  }

  // Spring Boot sets the single RecordInterceptor bean on the auto-configured listener container
  // factory
  @Bean
  RecordInterceptor<Object, Object> recordObservation(ConsumerMetrics metrics) {
    return new RecordObservation(metrics);
  }
}
