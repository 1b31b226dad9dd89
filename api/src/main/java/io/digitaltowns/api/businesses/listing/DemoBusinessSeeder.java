package io.digitaltowns.api.businesses.listing;

import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.Category;
import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.Towns;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the local stack's demo town with published listings, so a new user sees something. Runs
 * after the demo town exists; does nothing once the town has businesses. Off in production.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "digitaltowns.demo.seed", havingValue = "true")
class DemoBusinessSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoBusinessSeeder.class);
  private static final String DEMO_OWNER = "demo-owner@digitaltowns.local";

  private final Towns towns;
  private final JdbcClient jdbc;
  private final BusinessStore store;
  private final PasswordEncoder passwords;
  private final TransactionTemplate transaction;

  DemoBusinessSeeder(
      Towns towns,
      JdbcClient jdbc,
      BusinessStore store,
      PasswordEncoder passwords,
      TransactionTemplate transaction) {
    this.towns = towns;
    this.jdbc = jdbc;
    this.store = store;
    this.passwords = passwords;
    this.transaction = transaction;
  }

  private record Demo(
      String name,
      Category category,
      String description,
      String address,
      LocalTime opens,
      LocalTime closes,
      boolean weekends) {}

  private static final List<Demo> DEMOS =
      List.of(
          new Demo(
              "Hearth & Crumb Bakery",
              Category.BAKERY,
              "Sourdough loaves, cinnamon buns and sausage rolls baked before dawn.",
              "2 Market Square",
              LocalTime.of(7, 0),
              LocalTime.of(16, 0),
              true),
          new Demo(
              "The Copper Kettle",
              Category.CAFE,
              "Loose-leaf teas, flat whites and the best scones in the county.",
              "14 High Street",
              LocalTime.of(8, 0),
              LocalTime.of(17, 30),
              true),
          new Demo(
              "Fenwick's Family Butchers",
              Category.BUTCHER,
              "Locally reared beef, lamb and pork; award-winning pork pies.",
              "9 High Street",
              LocalTime.of(8, 0),
              LocalTime.of(17, 0),
              false),
          new Demo(
              "Greengage Grocers",
              Category.GROCERY,
              "Seasonal fruit and vegetables from farms within twenty miles.",
              "21 Church Lane",
              LocalTime.of(8, 30),
              LocalTime.of(18, 0),
              true),
          new Demo(
              "The Drowsy Fox",
              Category.BAR,
              "Real ales, a log fire and a quiz every Thursday night.",
              "1 Mill Road",
              LocalTime.of(12, 0),
              LocalTime.of(1, 0),
              true),
          new Demo(
              "Saffron Lane Kitchen",
              Category.RESTAURANT,
              "Home-style Indian cooking, thalis at lunchtime, takeaway in the evening.",
              "33 Saffron Lane",
              LocalTime.of(12, 0),
              LocalTime.of(22, 30),
              true),
          new Demo(
              "Pages & Pints Bookshop",
              Category.BOOKS,
              "New and second-hand books, a children's corner and author evenings.",
              "5 Bridge Street",
              LocalTime.of(9, 30),
              LocalTime.of(17, 30),
              true),
          new Demo(
              "Petal & Stem",
              Category.FLOWERS,
              "Bouquets, wedding flowers and houseplants; local delivery.",
              "7 Bridge Street",
              LocalTime.of(9, 0),
              LocalTime.of(17, 0),
              false),
          new Demo(
              "Nuts & Bolts Hardware",
              Category.HARDWARE,
              "Tools, paint, keys cut while you wait and friendly DIY advice.",
              "40 Station Road",
              LocalTime.of(8, 0),
              LocalTime.of(17, 30),
              true),
          new Demo(
              "Shear Brilliance",
              Category.HAIR_AND_BEAUTY,
              "Cuts, colour and beard trims; walk-ins welcome on weekdays.",
              "12 Market Square",
              LocalTime.of(9, 0),
              LocalTime.of(18, 0),
              false),
          new Demo(
              "Riverside Physio",
              Category.HEALTH,
              "Sports injuries, back pain and post-operative rehabilitation.",
              "3 River Walk",
              LocalTime.of(8, 0),
              LocalTime.of(19, 0),
              false),
          new Demo(
              "Town Pharmacy",
              Category.PHARMACY,
              "Prescriptions, flu jabs and health advice from our pharmacists.",
              "18 High Street",
              LocalTime.of(9, 0),
              LocalTime.of(18, 0),
              true),
          new Demo(
              "Ironworks Gym",
              Category.FITNESS,
              "Free weights, spin classes and personal training.",
              "Unit 4, Station Yard",
              LocalTime.of(6, 0),
              LocalTime.of(22, 0),
              true),
          new Demo(
              "Thread & Needle",
              Category.CLOTHING,
              "Alterations, repairs and a small range of locally made clothing.",
              "26 Church Lane",
              LocalTime.of(10, 0),
              LocalTime.of(17, 0),
              false),
          new Demo(
              "Mill Road Motors",
              Category.GARAGE,
              "MOTs, servicing and tyres for cars and vans.",
              "60 Mill Road",
              LocalTime.of(8, 0),
              LocalTime.of(17, 30),
              false),
          new Demo(
              "Sparks & Sons Electricians",
              Category.TRADES,
              "Rewiring, fuse boards and EV chargers; free quotes.",
              "2 Orchard Close",
              LocalTime.of(8, 0),
              LocalTime.of(17, 0),
              false),
          new Demo(
              "Willow Cottage B&B",
              Category.ACCOMMODATION,
              "Four cosy rooms, a hearty breakfast and walks from the door.",
              "Willow Lane",
              LocalTime.of(7, 0),
              LocalTime.of(22, 0),
              true),
          new Demo(
              "Gifts of the Vale",
              Category.GIFTS,
              "Cards, candles and crafts by artists from the valley.",
              "8 Bridge Street",
              LocalTime.of(9, 30),
              LocalTime.of(17, 0),
              true));

  @Override
  public void run(ApplicationArguments args) {
    Town town = towns.bySlug("demo-town").orElse(null);
    if (town == null
        || jdbc.sql("SELECT count(*) FROM businesses WHERE town_id = :town")
                .param("town", town.id())
                .query(Long.class)
                .single()
            > 0) {
      return;
    }
    transaction.executeWithoutResult(
        status -> {
          UUID owner = demoOwner();
          for (Demo demo : DEMOS) {
            UUID id = UUID.randomUUID();
            store.insert(
                id,
                owner,
                new BusinessRequest(
                    town.id(),
                    demo.name(),
                    demo.category(),
                    demo.description(),
                    demo.address(),
                    "01632 960" + (100 + DEMOS.indexOf(demo)),
                    null,
                    hours(demo),
                    null));
            store.setStatus(id, BusinessStatus.PUBLISHED, null);
          }
        });
    log.info("Seeded {} demo businesses in '{}'", DEMOS.size(), town.slug());
  }

  /** The demo listings need an owner; nobody can sign in as it (it has no usable password). */
  private UUID demoOwner() {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO users (id, email, display_name, password_hash, email_verified, created_at)
            VALUES (:id, :email, 'Demo Owner', :hash, true, now()) ON CONFLICT (lower(email)) DO NOTHING
            """)
        .param("id", id)
        .param("email", DEMO_OWNER)
        .param("hash", passwords.encode(UUID.randomUUID().toString()))
        .update();
    return jdbc.sql("SELECT id FROM users WHERE lower(email) = :email")
        .param("email", DEMO_OWNER)
        .query(UUID.class)
        .single();
  }

  private static Map<DayOfWeek, List<OpeningPeriod>> hours(Demo demo) {
    Map<DayOfWeek, List<OpeningPeriod>> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (demo.weekends() || day.getValue() <= 5) {
        hours.put(day, List.of(new OpeningPeriod(demo.opens(), demo.closes())));
      }
    }
    return hours;
  }
}
