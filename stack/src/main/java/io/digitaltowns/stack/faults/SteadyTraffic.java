package io.digitaltowns.stack.faults;

import io.digitaltowns.api.accounts.AccountRoles;
import io.digitaltowns.api.accounts.Role;
import io.digitaltowns.infra.mail.ReceivedMail;
import io.digitaltowns.stack.LocalSystem;
import io.digitaltowns.stack.faults.AcceptedCommand.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registrations, new listings (created, then submitted for review) and contact messages sent to the
 * api's real HTTP endpoints at a steady rate, as the site's users would. Every command the api
 * acknowledges (2xx) is recorded with its aggregate and the order of its acknowledgement; a command
 * that failed (5xx, a refused or cut connection) was not acknowledged, so nothing is owed for it
 * and it is only counted.
 *
 * <p>It talks to the api over HTTP only, except once at the start: it makes its own admin in
 * process (as the CRM tests do), because approving the business that receives the contact messages
 * takes one.
 */
public final class SteadyTraffic implements AutoCloseable {

  public static final String PASSWORD = "correct horse battery staple";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern VERIFY_LINK =
      Pattern.compile("https?://\\S+verify-email\\?token=([A-Za-z0-9_-]+)");
  private static final Duration SET_UP_DEADLINE = Duration.ofSeconds(90);
  private static final Kind[] CYCLE = {Kind.REGISTRATION, Kind.LISTING, Kind.CONTACT};

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * 15 s for the traffic (a client gives up and counts it refused); the set-up's first requests
   * warm the api up
   */
  private Duration requestTimeout = Duration.ofSeconds(15);

  private final String apiUrl;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<AcceptedCommand> accepted = new CopyOnWriteArrayList<>();
  private final AtomicLong order = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger refused = new AtomicInteger();
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(daemon("traffic-tick"));
  private final ExecutorService clients = Executors.newFixedThreadPool(4, daemon("traffic-client"));
  private final Account owner;
  private final Account resident;
  private final String townId;
  private final String contactedBusiness;

  private SteadyTraffic(
      String apiUrl, Account owner, Account resident, String townId, String contactedBusiness) {
    this.apiUrl = apiUrl;
    this.owner = owner;
    this.resident = resident;
    this.townId = townId;
    this.contactedBusiness = contactedBusiness;
  }

  /**
   * Makes what the traffic needs (an admin, a town, an owner with a published business, a resident
   * whose address is proven through the welcome mail) and starts sending {@code commandsPerSecond}
   * commands a second.
   */
  public static SteadyTraffic start(LocalSystem system, double commandsPerSecond) {
    Setup setup = new Setup(system);
    SteadyTraffic traffic =
        new SteadyTraffic(
            system.apiUrl(), setup.owner, setup.resident, setup.townId, setup.publishedBusiness);
    long period = Math.max(1, Math.round(1_000_000 / commandsPerSecond));
    traffic.ticks.scheduleAtFixedRate(traffic::tick, 0, period, TimeUnit.MICROSECONDS);
    return traffic;
  }

  /** Every acknowledged command so far, in the order of acknowledgement. */
  public List<AcceptedCommand> accepted() {
    return List.copyOf(accepted);
  }

  /**
   * Commands not acknowledged (answered 5xx, or the connection failed); nothing is owed for them.
   */
  public int refused() {
    return refused.get();
  }

  /**
   * The business that receives every contact message (its owner is the one whose mails the checker
   * counts).
   */
  public String contactedBusiness() {
    return contactedBusiness;
  }

  /** Stops sending and waits for the commands in flight to be answered. */
  public void stop() {
    ticks.shutdownNow();
    clients.shutdown();
    try {
      clients.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    clients.shutdownNow();
  }

  private void tick() {
    long n = sequence.incrementAndGet();
    Kind kind = CYCLE[(int) (n % CYCLE.length)];
    try {
      clients.execute(() -> send(kind, n));
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // stop() was called between the tick and now
    }
  }

  private void send(Kind kind, long n) {
    try {
      switch (kind) {
        case REGISTRATION -> register(n);
        case LISTING -> createAndSubmitListing(n);
        case CONTACT -> contact(n);
        default -> throw new IllegalStateException(kind.name());
      }
    } catch (RuntimeException notAcknowledged) {
      refused.incrementAndGet();
    }
  }

  private void register(long n) {
    String email = "traffic-" + run + "-" + n + "@example.org";
    HttpResponse<String> response =
        post(
            apiUrl,
            "/api/auth/register",
            null,
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"Traffic "
                + n
                + "\"}");
    acknowledged(Kind.REGISTRATION, response, idOf(response), email);
  }

  private void createAndSubmitListing(long n) {
    String name = "Traffic Shop " + run + " " + n;
    HttpResponse<String> created =
        owner.post(
            this,
            "/api/businesses",
            "{\"townId\":\""
                + townId
                + "\",\"name\":\""
                + name
                + "\",\"category\":\"CAFE\",\"description\":\"Opened by the steady traffic\"}");
    String businessId = idOf(created);
    acknowledged(Kind.LISTING, created, businessId, name);
    HttpResponse<String> submitted =
        owner.post(this, "/api/businesses/" + businessId + "/submit", null);
    acknowledged(Kind.SUBMISSION, submitted, businessId, name);
  }

  private void contact(long n) {
    // "#n." so that message 2 is not found inside message 20
    String text = "Traffic message " + run + " #" + n + ".";
    HttpResponse<String> response =
        resident.post(
            this,
            "/api/businesses/" + contactedBusiness + "/contact",
            "{\"message\":\"" + text + "\"}");
    acknowledged(Kind.CONTACT, response, contactedBusiness, text);
  }

  private void acknowledged(
      Kind kind, HttpResponse<String> response, String aggregate, String detail) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(kind + " answered " + response.statusCode());
    }
    accepted.add(
        new AcceptedCommand(order.incrementAndGet(), kind, aggregate, detail, Instant.now()));
  }

  private HttpResponse<String> post(String baseUrl, String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.POST(
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String idOf(HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    return id.find() ? id.group(1) : null;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A signed-in user; signs in again when the access token has expired (a soak outlives it). */
  private static final class Account {

    private final String email;
    private volatile String token;

    Account(String email) {
      this.email = email;
    }

    HttpResponse<String> post(SteadyTraffic traffic, String path, String json) {
      if (token == null) {
        signIn(traffic);
      }
      HttpResponse<String> response = traffic.post(traffic.apiUrl, path, token, json);
      if (response.statusCode() == 401) {
        signIn(traffic);
        response = traffic.post(traffic.apiUrl, path, token, json);
      }
      return response;
    }

    void signIn(SteadyTraffic traffic) {
      HttpResponse<String> response =
          traffic.post(
              traffic.apiUrl,
              "/api/auth/login",
              null,
              "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
      Matcher accessToken = ACCESS_TOKEN.matcher(response.body());
      if (response.statusCode() != 200 || !accessToken.find()) {
        throw new IllegalStateException("sign-in answered " + response.statusCode());
      }
      token = accessToken.group(1);
    }
  }

  /**
   * What the traffic needs before it starts, made through the api (and the welcome mail's link)
   * once.
   */
  private static final class Setup {

    /** its HTTP client only: the setup sends no traffic */
    private final SteadyTraffic client;

    /** user ids by address */
    private final java.util.Map<String, String> ids = new java.util.HashMap<>();

    private final Account owner;
    private final Account resident;
    private final String townId;
    private final String publishedBusiness;

    Setup(LocalSystem system) {
      client = new SteadyTraffic(system.apiUrl(), null, null, null, null);
      client.requestTimeout = SET_UP_DEADLINE;
      String prefix = "traffic-" + client.run;
      Account admin = registered(prefix + "-admin@example.org");
      system
          .api()
          .getBean(AccountRoles.class)
          .grant(UUID.fromString(userId(admin)), Role.ADMIN, null);
      admin.signIn(client);
      expect2xx(
          admin.post(
              client,
              "/api/admin/towns",
              "{\"name\":\"Trafficton\",\"slug\":\""
                  + prefix
                  + "\",\"timezone\":\"Europe/London\"}"));
      townId = idOf(get("/api/towns/" + prefix));
      owner = registered(prefix + "-owner@example.org");
      publishedBusiness =
          idOf(
              expect2xx(
                  owner.post(
                      client,
                      "/api/businesses",
                      "{\"townId\":\""
                          + townId
                          + "\",\"name\":\"Trafficton Tea Room "
                          + client.run
                          + "\",\"category\":\"CAFE\",\"description\":\"Receives the traffic's messages\"}")));
      expect2xx(owner.post(client, "/api/businesses/" + publishedBusiness + "/submit", null));
      expect2xx(
          admin.post(client, "/api/admin/businesses/" + publishedBusiness + "/approve", null));
      resident = registered(prefix + "-resident@example.org");
      proveAddress(system, resident);
      client.close();
    }

    private Account registered(String email) {
      HttpResponse<String> response =
          client.post(
              client.apiUrl,
              "/api/auth/register",
              null,
              "{\"email\":\""
                  + email
                  + "\",\"password\":\""
                  + PASSWORD
                  + "\",\"displayName\":\"Traffic Setup\"}");
      expect2xx(response);
      Account account = new Account(email);
      ids.put(email, idOf(response));
      return account;
    }

    private String userId(Account account) {
      return ids.get(account.email);
    }

    /**
     * Only a verified address may contact a business: the welcome mail's link proves it, as its
     * owner would.
     */
    private void proveAddress(LocalSystem system, Account account) {
      Instant deadline = Instant.now().plus(SET_UP_DEADLINE);
      Optional<Matcher> link = Optional.empty();
      while (link.isEmpty()) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "no welcome mail to " + account.email + " within " + SET_UP_DEADLINE);
        }
        link =
            system.stack().mail().messages().stream()
                .filter(mail -> mail.to().stream().anyMatch(to -> to.contains(account.email)))
                .map(ReceivedMail::text)
                .map(VERIFY_LINK::matcher)
                .filter(Matcher::find)
                .findFirst();
        pause();
      }
      expect2xx(
          client.post(
              client.apiUrl,
              "/api/auth/verify-email",
              null,
              "{\"token\":\"" + link.get().group(1) + "\",\"password\":\"" + PASSWORD + "\"}"));
      account.signIn(client);
    }

    private HttpResponse<String> get(String path) {
      try {
        return expect2xx(
            client.http.send(
                HttpRequest.newBuilder(URI.create(client.apiUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static HttpResponse<String> expect2xx(HttpResponse<String> response) {
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            response.request().uri().getPath()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response;
    }

    private static void pause() {
      Polling.pause(250);
    }
  }
}
