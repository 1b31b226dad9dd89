package io.digitaltowns.consumers;

import io.digitaltowns.readmodels.analytics.AnalyticsFiguresTable;
import io.digitaltowns.readmodels.crm.Companies;
import io.digitaltowns.readmodels.crm.Contacts;
import io.digitaltowns.readmodels.crm.Deals;
import io.digitaltowns.readmodels.crm.ErasedUsers;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The write side of the read models this process keeps and the api reads (module {@code
 * readmodels}, which owns their tables and migrations): the crm group's projections and the
 * analytics sink write only through these.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  Companies.class,
  Contacts.class,
  Deals.class,
  ErasedUsers.class,
  Timeline.class,
  AnalyticsFiguresTable.class
})
class ReadModelStores {}
