package io.digitaltowns.api;

import io.digitaltowns.infra.LocalStack;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points an api under test at the real servers shared by every test in this JVM. */
public final class ApiTestServers {

  public static final String JWT_SECRET = "test-jwt-secret-of-at-least-thirty-two-bytes";
  public static final String EMAIL_LINK_SECRET = "test-email-link-secret-of-at-least-32-bytes";

  private ApiTestServers() {}

  public static void register(DynamicPropertyRegistry registry) {
    LocalStack stack = LocalStack.shared();
    CrmReadModelSchema.ensure(stack);
    registry.add("spring.datasource.url", stack::jdbcUrl);
    registry.add("spring.datasource.username", stack::databaseUser);
    registry.add("spring.datasource.password", stack::databasePassword);
    registry.add("digitaltowns.schema-registry.url", stack::schemaRegistryUrl);
    registry.add("digitaltowns.ops.kafka-bootstrap-servers", stack::kafkaBootstrapServers);
    registry.add("digitaltowns.passwords.bcrypt-strength", () -> 4);
    registry.add("digitaltowns.jwt.secret", () -> JWT_SECRET);
    // every test client is 127.0.0.1: lift the per-address limits, keep the per-account ones. A
    // test of those limits
    // sets tests.abuse-limits.<action>.per-ip-capacity (@TestPropertySource): dynamic properties
    // outrank every other
    // source, so a value of its own could not replace this one, but the placeholder reads it
    for (String action :
        new String[] {
          "register",
          "login",
          "password-reset",
          "verification-resend",
          "oauth-sign-in",
          "business-contact"
        }) {
      registry.add(
          "digitaltowns.abuse-limits." + action + ".per-ip-capacity",
          () -> "${tests.abuse-limits." + action + ".per-ip-capacity:1000000}");
    }
    registry.add("digitaltowns.email-links.secret", () -> EMAIL_LINK_SECRET);
    registry.add("digitaltowns.storage.endpoint", stack::s3Endpoint);
    registry.add("digitaltowns.storage.region", stack::s3Region);
    registry.add("digitaltowns.storage.access-key-id", stack::s3AccessKey);
    registry.add("digitaltowns.storage.secret-access-key", stack::s3SecretKey);
    registry.add("digitaltowns.storage.path-style", () -> true);
    registry.add("digitaltowns.cloudflare-calls.app-id", () -> CloudflareCallsStub.APP_ID);
    registry.add("digitaltowns.cloudflare-calls.secret", () -> CloudflareCallsStub.APP_SECRET);
    registry.add("digitaltowns.cloudflare-calls.base-url", CloudflareCallsStub::baseUrl);
    // billing: stripe-java talks to a local stand-in of the Stripe API
    // (io.digitaltowns.api.billing.StripeStub)
    registry.add(
        "digitaltowns.stripe.secret-key", () -> io.digitaltowns.api.billing.StripeStub.SECRET_KEY);
    registry.add(
        "digitaltowns.stripe.webhook-secret",
        () -> io.digitaltowns.api.billing.StripeStub.WEBHOOK_SECRET);
    registry.add(
        "digitaltowns.stripe.price-id", () -> io.digitaltowns.api.billing.StripeStub.PRICE_ID);
    registry.add("digitaltowns.stripe.api-base", io.digitaltowns.api.billing.StripeStub::baseUrl);
    registry.add(
        "digitaltowns.stripe.public-base-url",
        () -> io.digitaltowns.api.billing.StripeStub.PUBLIC_BASE_URL);
  }
}
