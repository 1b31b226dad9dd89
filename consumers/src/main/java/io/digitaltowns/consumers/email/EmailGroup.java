package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.events.DeclaredGroup;
import io.digitaltowns.events.catalog.ConsumerGroup;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code email} consumer group: every mail the product sends starts here.
 *
 * <p>Accounts, listings and billing each have their own listener in the group (the runtime gives
 * each topic its own), all sharing one dispatcher (so one message log and every email handler,
 * whatever topic its event comes from). A record that fails for a while (SMTP refusing one owner's
 * mail with a temporary error, say) is retried with backoff by the thread that owns its partition,
 * and nothing else on that thread moves meanwhile: with a listener per topic a business mail or a
 * receipt in retry never delays a password-reset or verification mail, which a person is waiting
 * for right now. Three threads per topic by default, so one slow mail does not hold up the others.
 * Dead letters go to {@code <topic>.email.dlt} of the topic the record came from: at once for a
 * failure of the record, after the retries for an outage ({@link EmailFailureTriage}).
 */
@Configuration(proxyBeanMethods = false)
class EmailGroup {

  @Bean
  DeclaredGroup emailConsumerGroup(
      List<EmailHandler<?>> handlers,
      @Value("${digitaltowns.consumers.email.enabled:true}") boolean enabled,
      @Value("${digitaltowns.consumers.email.concurrency:3}") int concurrency) {
    return DeclaredGroup.of(ConsumerGroup.EMAIL)
        .handlers(handlers)
        .concurrency(concurrency)
        .enabled(enabled)
        .failureTriage(EmailFailureTriage::triaged)
        .build();
  }
}
