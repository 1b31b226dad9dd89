package io.digitaltowns.relay;

import io.digitaltowns.relay.engine.DebeziumOutboxStream;
import io.digitaltowns.relay.engine.OutboxStream;
import io.digitaltowns.relay.polling.PollingOutboxStream;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks how the relay reads the outbox: RELAY_MODE=debezium (default) or polling. */
@Configuration(proxyBeanMethods = false)
class RelayModeConfiguration {

  @Bean
  OutboxStream outboxStream(
      RelayProperties properties, DataSourceProperties database, DataSource dataSource) {
    return switch (properties.mode()) {
      case DEBEZIUM -> new DebeziumOutboxStream(properties, database);
      case POLLING -> new PollingOutboxStream(dataSource, properties);
    };
  }
}
