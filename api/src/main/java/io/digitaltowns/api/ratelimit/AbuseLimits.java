package io.digitaltowns.api.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits how often one client address and one account may attempt an action.
 *
 * <p>Sign-in uses {@link #attempt} instead, where only failures count against the account, per
 * account and client address. Call {@link #check} before doing the work (before the password is
 * checked, the email sent, the account created). Each call takes one token from the address's
 * bucket for the action and, when an account is named, one from the account's bucket; when either
 * is empty it throws {@link TooManyRequestsException} (429 with {@code Retry-After}). An address
 * that is already refused does not use up the account's tokens, so one noisy address cannot lock an
 * account on its own.
 *
 * <p>Bucket keys are {@code dt:limit:<action>:ip:<address>} (IPv6 addresses by their /64 network,
 * which one subscriber usually holds in full) and {@code dt:limit:<action>:account:<sha-256 of the
 * account key>}: the account key, typically an email address, is never stored or logged as is.
 *
 * <p>When the bucket store (Redis) fails or does not answer in time, the request is let through and
 * a warning is logged at most once a minute: an outage of the limiter must not become an outage of
 * sign-in.
 */
public class AbuseLimits {

  private static final Logger log = LoggerFactory.getLogger(AbuseLimits.class);
  private static final long STORE_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final boolean enabled;
  private final BucketStore store;
  private final Map<LimitedAction, BucketConfiguration> perIp = new EnumMap<>(LimitedAction.class);
  private final Map<LimitedAction, BucketConfiguration> perAccount =
      new EnumMap<>(LimitedAction.class);
  private final AtomicLong lastStoreWarning =
      new AtomicLong(System.nanoTime() - STORE_WARNING_INTERVAL_NANOS);

  AbuseLimits(AbuseLimitsProperties properties, BucketStore store) {
    this.enabled = properties.enabled();
    this.store = Objects.requireNonNull(store, "store");
    for (LimitedAction action : LimitedAction.values()) {
      Limits limits = properties.limitsFor(action);
      if (limits.perIpCapacity() > 0) {
        perIp.put(action, bucket(limits.perIpCapacity(), limits.perIpPeriod()));
      }
      if (limits.perAccountCapacity() > 0) {
        perAccount.put(action, bucket(limits.perAccountCapacity(), limits.perAccountPeriod()));
      }
    }
  }

  /**
   * Counts one attempt of {@code action} by {@code clientIp} and, when not null, by {@code
   * accountKey}.
   *
   * @param action what is being attempted
   * @param clientIp the client's address, from {@link ClientAddress#of}
   * @param accountKey who it is attempted for: the lower-cased email address or the user id; {@code
   *     null} (or blank) when there is none, then only the address counts
   * @throws TooManyRequestsException when the address or the account has used up its attempts
   */
  public void check(LimitedAction action, String clientIp, String accountKey) {
    Objects.requireNonNull(action, "action");
    if (!enabled) {
      return;
    }
    BucketConfiguration ipLimit = perIp.get(action);
    if (ipLimit != null) {
      consume(action, "address", ipBucketKey(action, clientIp), ipLimit);
    }
    BucketConfiguration accountLimit = perAccount.get(action);
    if (accountLimit != null && accountKey != null && !accountKey.isBlank()) {
      consume(action, "account", accountBucketKey(action, accountKey), accountLimit);
    }
  }

  /**
   * One attempt of {@code action} where only failures count against the account, and only from the
   * address they come from (password sign-in): the address's bucket is charged as by {@link
   * #check}, and the bucket of this account <em>at this address</em> gives a token that the caller
   * hands back with {@link Attempt#succeeded()}. So guesses from one address slow that address down
   * for that account, while the owner signing in from elsewhere, or rightly from the same place, is
   * never refused on their account's behalf. The token is taken before the work (not counted after
   * it), so many guesses sent at once still stop at the limit.
   *
   * @throws TooManyRequestsException when the address, or this account at this address, has used up
   *     its attempts
   */
  public Attempt attempt(LimitedAction action, String clientIp, String accountKey) {
    Objects.requireNonNull(action, "action");
    if (!enabled) {
      return Attempt.NOTHING_TAKEN;
    }
    BucketConfiguration ipLimit = perIp.get(action);
    if (ipLimit != null) {
      consume(action, "address", ipBucketKey(action, clientIp), ipLimit);
    }
    BucketConfiguration pairLimit = perAccount.get(action);
    if (pairLimit == null || accountKey == null || accountKey.isBlank()) {
      return Attempt.NOTHING_TAKEN;
    }
    String key = accountAtAddressBucketKey(action, accountKey, clientIp);
    if (!consume(action, "account at one address", key, pairLimit)) {
      return Attempt.NOTHING_TAKEN;
    }
    return new Attempt(
        () -> {
          try {
            store.refund(key, pairLimit);
          } catch (RuntimeException e) {
            storeFailed(e);
          }
        });
  }

  /** An attempt whose token is handed back when it succeeds. */
  public static final class Attempt {

    private static final Attempt NOTHING_TAKEN = new Attempt(() -> {});

    private final Runnable refund;

    private Attempt(Runnable refund) {
      this.refund = refund;
    }

    /** The attempt succeeded: it does not count against the account. */
    public void succeeded() {
      refund.run();
    }
  }

  /**
   * @return whether a token was taken (false when the store failed and the request is let through)
   */
  private boolean consume(
      LimitedAction action, String scope, String key, BucketConfiguration limit) {
    ConsumptionProbe probe;
    try {
      probe = store.tryConsume(key, limit);
    } catch (RuntimeException e) {
      storeFailed(e);
      return false;
    }
    if (probe.isConsumed()) {
      if (probe.getRemainingTokens() == 0) {
        log.info(
            "Abuse limit reached: {} per {}; further attempts are refused until it refills",
            action.key(),
            scope);
      }
      return true;
    }
    long retryAfter = retryAfterSeconds(probe.getNanosToWaitForRefill());
    log.debug("Abuse limit refused {} per {}; retry after {} s", action.key(), scope, retryAfter);
    throw new TooManyRequestsException(action, retryAfter);
  }

  private void storeFailed(RuntimeException e) {
    long now = System.nanoTime();
    long last = lastStoreWarning.get();
    if (now - last >= STORE_WARNING_INTERVAL_NANOS && lastStoreWarning.compareAndSet(last, now)) {
      // Only the exception's type and message: never the bucket key, which names the address.
      log.warn(
          "Abuse limits are not enforced: the bucket store failed ({}). Requests are let through.",
          e.toString());
    }
  }

  /**
   * Whole seconds, rounded up, at least 1: {@code Retry-After: 0} would invite an immediate retry.
   */
  static long retryAfterSeconds(long nanosToWait) {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(nanosToWait);
    if (nanosToWait > TimeUnit.SECONDS.toNanos(seconds)) {
      seconds++;
    }
    return Math.max(1, seconds);
  }

  static String ipBucketKey(LimitedAction action, String clientIp) {
    return "dt:limit:" + action.key() + ":ip:" + addressScope(clientIp);
  }

  static String accountBucketKey(LimitedAction action, String accountKey) {
    return "dt:limit:"
        + action.key()
        + ":account:"
        + sha256(accountKey.strip().toLowerCase(Locale.ROOT));
  }

  static String accountAtAddressBucketKey(
      LimitedAction action, String accountKey, String clientIp) {
    return "dt:limit:"
        + action.key()
        + ":account-at-address:"
        + sha256(accountKey.strip().toLowerCase(Locale.ROOT) + " " + addressScope(clientIp));
  }

  /**
   * The address an IP is counted under: IPv4 as is, IPv6 by its /64 network (a single home or phone
   * gets a whole /64 and could otherwise walk through 2^64 fresh buckets).
   */
  static String addressScope(String clientIp) {
    if (clientIp == null || clientIp.isBlank()) {
      return "unknown";
    }
    String ip = clientIp.strip();
    if (ip.indexOf(':') < 0) {
      return ip;
    }
    try {
      // A literal containing ':' is parsed as IPv6 without any name lookup.
      InetAddress address = InetAddress.getByName(ip);
      if (address instanceof Inet6Address) {
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        return InetAddress.getByAddress(network).getHostAddress() + "/64";
      }
      return address.getHostAddress(); // an IPv4-mapped address
    } catch (UnknownHostException e) {
      return ip;
    }
  }

  private static BucketConfiguration bucket(long capacity, Duration period) {
    return BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
        .build();
  }

  private static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
