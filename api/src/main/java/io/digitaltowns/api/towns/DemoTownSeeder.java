package io.digitaltowns.api.towns;

import io.digitaltowns.api.towns.admin.TownAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Gives a fresh local stack a town to play with. Off in production; idempotent across restarts. */
@Component
@org.springframework.core.annotation.Order(1)
@ConditionalOnProperty(name = "digitaltowns.demo.seed", havingValue = "true")
class DemoTownSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoTownSeeder.class);
  static final String DEMO_SLUG = "demo-town";

  private final Towns towns;
  private final TownAdministration administration;

  DemoTownSeeder(Towns towns, TownAdministration administration) {
    this.towns = towns;
    this.administration = administration;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (towns.bySlug(DEMO_SLUG).isEmpty()) {
      administration.create("Demo Town", DEMO_SLUG, "Demo Region", "Europe/London", null);
      log.info("Seeded the demo town '{}'", DEMO_SLUG);
    }
  }
}
