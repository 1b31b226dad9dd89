package io.digitaltowns.consumers.crm;

import io.digitaltowns.consumers.events.DeclaredGroup;
import io.digitaltowns.events.catalog.ConsumerGroup;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code crm} consumer group: builds the CRM read model (contacts, companies, deals, the
 * activity timeline) that the CRM service shows admins, one projection per table. One message log
 * for the group: a redelivered or replayed event changes nothing. Off unless {@code
 * CONSUMER_CRM_ENABLED} (the local stack switches it on). Dead letters go to {@code
 * <topic>.crm.dlt}.
 */
@Configuration(proxyBeanMethods = false)
class CrmGroup {

  @Bean
  DeclaredGroup crmConsumerGroup(
      List<CrmProjection> projections,
      @Value("${digitaltowns.consumers.crm.enabled:false}") boolean enabled,
      @Value("${digitaltowns.consumers.crm.concurrency:1}") int concurrency) {
    return DeclaredGroup.of(ConsumerGroup.CRM)
        .handlers(
            projections.stream().flatMap(projection -> projection.handlers().stream()).toList())
        .concurrency(concurrency)
        .enabled(enabled)
        .build();
  }
}
