package io.digitaltowns.consumers.events;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * {@code kafkaListeners} in {@code /actuator/health}: each consumer group's listener and whether it
 * runs ("off" when switched off by configuration). A container stops for good only on a fatal error
 * (authorisation, say); Kafka being briefly away does not stop it, so that is reported by lag (ops
 * page) rather than here.
 */
@Component
class KafkaListenersHealthIndicator implements HealthIndicator {

  private final KafkaListenerEndpointRegistry listeners;

  KafkaListenersHealthIndicator(KafkaListenerEndpointRegistry listeners) {
    this.listeners = listeners;
  }

  @Override
  public Health health() {
    Map<String, String> states = new TreeMap<>();
    boolean allRunning = true;
    for (MessageListenerContainer container : listeners.getListenerContainers()) {
      // a group switched off by configuration never starts: "off" is its normal state, not a
      // failure
      boolean wanted = container.isAutoStartup();
      String state =
          container.isRunning()
              ? (container.isContainerPaused() ? "paused" : "running")
              : wanted ? "stopped" : "off";
      allRunning &= container.isRunning() || !wanted;
      states.put(container.getGroupId() + " (" + container.getListenerId() + ")", state);
    }
    return (allRunning ? Health.up() : Health.down()).withDetails(Map.copyOf(states)).build();
  }
}
