package io.digitaltowns.consumers.email;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The email group commits its offsets once per poll instead of once per record ({@code ack-mode: record} for the
 * other groups). A synchronous offset commit per mail was the largest wait left per mail once SMTP connections were
 * reused (issue 11). What it costs: after a crash or a rebalance the records of the last poll come again, and
 * processed_events skips the ones that were handled, as it does for any redelivery.
 */
@Configuration
class EmailListenerContainers {

  @Bean
  ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> emailGroupCommitsPerPoll() {
    return container -> {
      if (EmailConsumer.GROUP.equals(container.getGroupId())) {
        container.getContainerProperties().setAckMode(AckMode.BATCH);
      }
    };
  }
}
