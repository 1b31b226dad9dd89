package io.digitaltowns.consumers.crmsync;

import io.digitaltowns.consumers.events.DeclaredGroup;
import io.digitaltowns.events.catalog.ConsumerGroup;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code crm-sync} consumer group: keeps HubSpot in step with DigitalTowns' users and
 * businesses. A listener per topic (a business record waiting out a rate limit does not hold up
 * account erasures), one message log: a redelivered or replayed event calls HubSpot no second time.
 * One thread by default: HubSpot's rate limit is per account, not per partition. Runs only when
 * {@link CrmSyncSwitch#active()}. Dead letters go to {@code <topic>.crm-sync.dlt}.
 */
@Configuration(proxyBeanMethods = false)
class CrmSyncGroup {

  @Bean
  DeclaredGroup crmSyncConsumerGroup(
      List<CrmSyncHandler<?>> handlers,
      CrmSyncSwitch crmSyncSwitch,
      @Value("${digitaltowns.consumers.crm-sync.concurrency:1}") int concurrency) {
    return DeclaredGroup.of(ConsumerGroup.CRM_SYNC)
        .handlers(handlers)
        .concurrency(concurrency)
        .enabled(crmSyncSwitch.active())
        .build();
  }
}
