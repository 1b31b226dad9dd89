package io.digitaltowns.api.towns;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gives a fresh local stack a town to play with. Off in production; idempotent across restarts. */
@Component
@ConditionalOnProperty(name = "digitaltowns.demo.seed", havingValue = "true")
class DemoTownSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoTownSeeder.class);

  private final JdbcClient jdbc;

  DemoTownSeeder(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = jdbc.sql("""
            INSERT INTO towns (id, slug, name, region, timezone)
            VALUES (:id, 'demo-town', 'Demo Town', 'Demo Region', 'Europe/London')
            ON CONFLICT (slug) DO NOTHING
            """)
        .param("id", UUID.randomUUID())
        .update();
    if (created > 0) {
      log.info("Seeded the demo town 'demo-town'");
    }
  }
}
