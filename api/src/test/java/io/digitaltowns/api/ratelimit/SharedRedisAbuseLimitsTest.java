package io.digitaltowns.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import redis.embedded.RedisServer;

/**
 * Two api instances, each with its own Redis client, sharing one real Redis server: the buckets are
 * the same buckets whichever instance a request lands on.
 */
class SharedRedisAbuseLimitsTest {

  @TempDir static Path redisDir;

  private static RedisServer redis;
  private static String redisUrl;

  private final List<AutoCloseable> closeAfterTest = new ArrayList<>();

  @BeforeAll
  static void startRedis() throws IOException {
    int port = freePort();
    try {
      redis = startRedisServer(port, redisDir);
    } catch (Exception | LinkageError e) {
      Assumptions.abort("the embedded Redis server cannot run here: " + e);
    }
    redisUrl = "redis://127.0.0.1:" + port;
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (redis != null) {
      redis.stop();
    }
  }

  @AfterEach
  void closeStores() throws Exception {
    for (AutoCloseable closeable : closeAfterTest) {
      closeable.close();
    }
  }

  @Test
  void login_attempts_for_one_account_count_on_every_api_instance() {
    AbuseLimits first = apiInstance(Map.of());
    AbuseLimits second = apiInstance(Map.of());
    String account = uniqueAccount();

    for (int i = 1; i <= 3; i++) {
      first.check(LimitedAction.LOGIN, "203.0.113." + i, account);
    }
    for (int i = 4; i <= 5; i++) {
      second.check(LimitedAction.LOGIN, "203.0.113." + i, account);
    }

    TooManyRequestsException onFirst =
        catchThrowableOfType(
            TooManyRequestsException.class,
            () -> first.check(LimitedAction.LOGIN, "203.0.113.6", account));
    TooManyRequestsException onSecond =
        catchThrowableOfType(
            TooManyRequestsException.class,
            () -> second.check(LimitedAction.LOGIN, "203.0.113.7", account));

    assertThat(onFirst).isNotNull();
    assertThat(onSecond).isNotNull();
    assertThat(onFirst.getStatusCode().value()).isEqualTo(429);
    assertThat(onFirst.retryAfterSeconds()).isBetween(1L, 180L);
    assertThat(onSecond.retryAfterSeconds()).isBetween(1L, 180L);
    assertThatCode(() -> second.check(LimitedAction.LOGIN, "203.0.113.7", uniqueAccount()))
        .as("another account is still allowed")
        .doesNotThrowAnyException();
  }

  @Test
  void
      sign_in_failures_from_one_address_count_on_every_api_instance_and_successes_are_handed_back() {
    AbuseLimits first = apiInstance(Map.of());
    AbuseLimits second = apiInstance(Map.of());
    String account = uniqueAccount();
    String attacker = uniqueAddress();
    String owner = uniqueAddress();

    for (int i = 0; i < 5; i++) {
      (i % 2 == 0 ? first : second).attempt(LimitedAction.LOGIN, attacker, account);
      (i % 2 == 0 ? second : first).attempt(LimitedAction.LOGIN, owner, account).succeeded();
    }

    assertThat(
            catchThrowableOfType(
                TooManyRequestsException.class,
                () -> second.attempt(LimitedAction.LOGIN, attacker, account)))
        .isNotNull();
    assertThatCode(() -> first.attempt(LimitedAction.LOGIN, owner, account).succeeded())
        .doesNotThrowAnyException();
  }

  @Test
  void attempts_from_one_address_count_on_every_api_instance() {
    AbuseLimits first = apiInstance(Map.of());
    AbuseLimits second = apiInstance(Map.of());
    String address = uniqueAddress();

    for (int i = 0; i < 10; i++) {
      (i % 2 == 0 ? first : second).check(LimitedAction.LOGIN, address, uniqueAccount());
    }

    TooManyRequestsException refused =
        catchThrowableOfType(
            TooManyRequestsException.class,
            () -> second.check(LimitedAction.LOGIN, address, uniqueAccount()));
    assertThat(refused).isNotNull();
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 6L);
    assertThatCode(() -> first.check(LimitedAction.LOGIN, uniqueAddress(), uniqueAccount()))
        .as("another address is still allowed")
        .doesNotThrowAnyException();
  }

  @Test
  void concurrent_attempts_on_two_instances_never_get_more_than_the_capacity_between_them()
      throws Exception {
    Map<String, String> tenAnHour =
        Map.of("login.per-ip-capacity", "10", "login.per-ip-period", "1h");
    AbuseLimits first = apiInstance(tenAnHour);
    AbuseLimits second = apiInstance(tenAnHour);
    String address = uniqueAddress();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        AbuseLimits instance = i % 2 == 0 ? first : second;
        Callable<Boolean> attempt =
            () -> {
              start.await();
              try {
                instance.check(LimitedAction.LOGIN, address, null);
                return true;
              } catch (TooManyRequestsException refused) {
                return false;
              }
            };
        attempts.add(threads.submit(attempt));
      }
      start.countDown();

      int allowed = 0;
      for (Future<Boolean> attempt : attempts) {
        allowed += attempt.get() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(10);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void buckets_live_under_the_documented_keys_and_expire_once_they_would_be_full_again() {
    AbuseLimits instance = apiInstance(Map.of());
    String account = uniqueAccount();
    String address = uniqueAddress();

    instance.check(LimitedAction.PASSWORD_RESET, address, account);

    RedisClient client = RedisClient.create(redisUrl);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      var redisCommands = connection.sync();
      String accountKey = AbuseLimits.accountBucketKey(LimitedAction.PASSWORD_RESET, account);
      String ipKey = "dt:limit:password-reset:ip:" + address;
      assertThat(accountKey).startsWith("dt:limit:password-reset:account:").doesNotContain(account);
      assertThat(redisCommands.exists(accountKey, ipKey)).isEqualTo(2);
      // 3 an hour per account with one used: full again in 20 minutes, kept 10 seconds longer.
      assertThat(Duration.ofMillis(redisCommands.pttl(accountKey)))
          .isPositive()
          .isLessThanOrEqualTo(Duration.ofMinutes(20).plusSeconds(10));
      assertThat(Duration.ofMillis(redisCommands.pttl(ipKey)))
          .isPositive()
          .isLessThanOrEqualTo(Duration.ofMinutes(12).plusSeconds(10));
      assertThat(redisCommands.keys("*" + account + "*")).isEmpty();
    } finally {
      client.shutdown();
    }
  }

  @Test
  void when_redis_goes_away_requests_are_let_through_rather_than_refused() throws Exception {
    int port = freePort();
    RedisServer doomed = startRedisServer(port, Files.createTempDirectory(redisDir, "doomed"));
    AbuseLimits instance;
    try {
      instance =
          apiInstance(Map.of("redis-url", "redis://127.0.0.1:" + port, "redis-timeout", "500ms"));
      instance.check(LimitedAction.LOGIN, uniqueAddress(), uniqueAccount());
    } finally {
      doomed.stop();
    }

    String address = uniqueAddress();
    for (int i = 0; i < 15; i++) { // more than the 10 a minute per address
      assertThatCode(() -> instance.check(LimitedAction.LOGIN, address, "ada@example.org"))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void closing_the_application_context_closes_its_redis_connection() {
    RedisClient client = RedisClient.create(redisUrl);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      var redisCommands = connection.sync();
      int before = connectedClients(redisCommands.clientList());

      new ApplicationContextRunner()
          .withUserConfiguration(AbuseLimitsConfiguration.class)
          .withPropertyValues("digitaltowns.abuse-limits.redis-url=" + redisUrl)
          .run(
              app -> {
                assertThat(app.getBean(BucketStore.class)).isInstanceOf(RedisBucketStore.class);
                app.getBean(AbuseLimits.class)
                    .check(LimitedAction.LOGIN, uniqueAddress(), uniqueAccount());
                assertThat(connectedClients(redisCommands.clientList())).isEqualTo(before + 1);
              });

      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> assertThat(connectedClients(redisCommands.clientList())).isEqualTo(before));
    } finally {
      client.shutdown();
    }
  }

  private static int connectedClients(String clientList) {
    return (int) clientList.lines().filter(line -> !line.isBlank()).count();
  }

  /** A new "api instance": its own Redis client and connection, the same Redis server. */
  private AbuseLimits apiInstance(Map<String, String> settings) {
    Map<String, String> entries = new java.util.HashMap<>(Map.of("redis-url", redisUrl));
    entries.putAll(settings);
    AbuseLimitsProperties properties = TestLimits.properties(entries);
    BucketStore store = BucketStore.create(properties);
    assertThat(store).isInstanceOf(RedisBucketStore.class);
    closeAfterTest.add(store);
    return new AbuseLimits(properties, store);
  }

  private static RedisServer startRedisServer(int port, Path dir) throws IOException {
    RedisServer server =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"") // no dump.rdb in the working directory
            .setting("appendonly no")
            .setting("dir " + dir.toAbsolutePath())
            .build();
    server.start();
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String uniqueAccount() {
    return UUID.randomUUID() + "@example.org";
  }

  private static String uniqueAddress() {
    UUID id = UUID.randomUUID();
    return "10."
        + Math.floorMod(id.getMostSignificantBits(), 256)
        + "."
        + Math.floorMod(id.getLeastSignificantBits(), 256)
        + "."
        + Math.floorMod(id.hashCode(), 256);
  }
}
