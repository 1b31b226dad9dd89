package io.digitaltowns.stack;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.digitaltowns.infra.stripe.DeliveryMode;
import io.digitaltowns.infra.stripe.StripeStandIn;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An owner's subscription in Chromium against the whole system and the local Stripe stand-in:
 * Checkout with the test card, the webhooks signed and delivered to the api, the ledger, the
 * outbox, the email consumer and SMTP. The test only reads the inbox and the database and moves the
 * stand-in's test clock; the rest is clicks and typing.
 */
class SubscriptionJourneyTest extends StackBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECEIPT = "Receipt: your DigitalTowns subscription";
  private static final String PAYMENT_FAILED = "Your payment did not go through";
  private static final Duration WEBHOOK_TO_PAGE = Duration.ofSeconds(60);

  private final StripeStandIn stripe = system.stack().stripe();
  private final JdbcClient db = JdbcClient.create(system.api().getBean(DataSource.class));

  @AfterEach
  void webhooksInOrderAgain() {
    stripe.deliveryMode(DeliveryMode.IN_ORDER);
  }

  @Test
  void
      an_owner_subscribes_is_featured_recovers_from_a_failed_renewal_and_cancels_at_the_period_end() {
    Map<String, Object> end = journey();

    assertThat(end).isEqualTo(EXPECTED_END);
  }

  @Test
  void
      the_same_journey_with_every_webhook_delivered_twice_and_out_of_order_ends_in_the_same_state() {
    stripe.deliveryMode(DeliveryMode.SHUFFLED_TWICE);

    Map<String, Object> end = journey();

    assertThat(end).isEqualTo(EXPECTED_END);
  }

  /**
   * What is left after the journey, whatever the order and number of deliveries: each thing
   * happened once.
   */
  private static final Map<String, Object> EXPECTED_END =
      Map.of(
          "status",
          "canceled",
          "featured",
          false,
          "paid invoices",
          2L,
          "failed attempts",
          1L,
          "activated, canceled and ended once",
          true,
          "receipts",
          2L,
          "payment-failed mails",
          1L);

  private Map<String, Object> journey() {
    String admin = StackAdmin.token(system);
    String ownerEmail = ApiClient.uniqueEmail("subscriber");
    api.register(ownerEmail, "Sam Subscriber");
    String owner = api.signIn(ownerEmail);
    String slug = "subscribe-" + UUID.randomUUID().toString().substring(0, 8);
    String townId =
        ApiClient.read(
                api.call(
                        "POST",
                        "/api/admin/towns",
                        admin,
                        JSON.createObjectNode()
                            .put("name", "Subscription Town")
                            .put("slug", slug)
                            .put("region", "Testshire")
                            .put("timezone", "Europe/London"))
                    .body())
            .get("id")
            .asText();
    String businessName = "Harbour Books " + UUID.randomUUID().toString().substring(0, 4);
    String businessId = publish(owner, admin, townId, businessName);
    String subscriptionPage = "/my/businesses/" + businessId + "/subscription";

    signIn(ownerEmail);
    page.navigate(subscriptionPage);
    assertThat(statusHeading()).containsText("No subscription");
    capture("1-no-subscription");

    // Checkout, with Stripe's test card
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
    assertThat(page).hasURL(Pattern.compile(jsRegex(stripe.url()) + "/checkout/cs_test_.*"));
    capture("2-checkout");
    page.getByLabel("Card number").fill("4242 4242 4242 4242");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
    assertThat(page)
        .hasURL(Pattern.compile(".*" + jsRegex(subscriptionPage) + "\\?checkout=success.*"));
    // "being confirmed" or, once the webhook has been applied, "confirmed"
    assertThat(page.getByText(Pattern.compile("Thank you! Stripe has"))).isVisible();
    capture("3-back-from-checkout");
    // the page asks again by itself (htmx) until the webhook has landed
    assertThat(statusHeading()).containsText("Active", within(WEBHOOK_TO_PAGE));
    assertThat(page.locator(".subscription-state")).hasText("active");
    assertThat(page.getByText("Thank you! Stripe has confirmed your payment.")).isVisible();
    assertThat(page.getByText("Next renewal on")).isVisible();
    assertThat(page.getByText("Amount: EUR 19.00 a month")).isVisible();
    capture("4-active");
    awaitMails(ownerEmail, RECEIPT, 1);

    page.navigate("/towns/" + slug);
    assertThat(
            listingCard(businessName)
                .locator(".badge", new Locator.LocatorOptions().setHasText("Featured")))
        .isVisible();
    capture("5-town-featured");
    page.navigate("/businesses/" + businessId);
    assertThat(page.locator(".badge", new Page.LocatorOptions().setHasText("Featured")))
        .isVisible();
    capture("6-business-featured");

    // the card that attaches but fails later; the renewal fails
    changeCardInThePortal(subscriptionPage, "4000 0000 0000 0341", "7-portal");
    String customerId =
        db.sql("SELECT stripe_customer_id FROM business_billing WHERE business_id = :id::uuid")
            .param("id", businessId)
            .query(String.class)
            .single();
    stripe.advance(customerId);
    awaitMails(ownerEmail, PAYMENT_FAILED, 1);
    awaitStatus(businessId, "past_due");
    page.navigate(subscriptionPage);
    assertThat(statusHeading()).containsText("Payment overdue");
    capture("8-payment-overdue");

    // a good card, and the retry of the renewal succeeds
    changeCardInThePortal(subscriptionPage, "4242 4242 4242 4242", "9-portal-card-fixed");
    stripe.advance(customerId);
    awaitMails(ownerEmail, RECEIPT, 2);
    awaitStatus(businessId, "active");
    page.navigate(subscriptionPage);
    assertThat(statusHeading()).containsText("Active");

    // the owner cancels: featured until the period's end, then not
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Manage")).click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel subscription"))
        .click();
    assertThat(page.getByText("Cancels on")).isVisible();
    capture("10-portal-canceled");
    await("the cancellation applied")
        .atMost(WEBHOOK_TO_PAGE)
        .until(
            () ->
                db.sql(
                        "SELECT cancel_requested FROM billing_subscriptions WHERE business_id = :id::uuid")
                    .param("id", businessId)
                    .query(Boolean.class)
                    .single());
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Return to DigitalTowns"))
        .click();
    assertThat(page.getByText(Pattern.compile("Canceled: ends on"))).isVisible();
    capture("11-canceled-until-period-end");
    page.navigate("/towns/" + slug);
    assertThat(
            listingCard(businessName)
                .locator(".badge", new Locator.LocatorOptions().setHasText("Featured")))
        .isVisible();

    stripe.advance(customerId);
    awaitStatus(businessId, "canceled");
    await("the listing unfeatured").atMost(WEBHOOK_TO_PAGE).until(() -> !featured(businessId));
    page.navigate("/towns/" + slug);
    assertThat(listingCard(businessName)).isVisible();
    assertThat(
            listingCard(businessName)
                .locator(".badge", new Locator.LocatorOptions().setHasText("Featured")))
        .hasCount(0);
    capture("12-town-not-featured");
    page.navigate(subscriptionPage);
    assertThat(statusHeading()).containsText("Ended");
    capture("13-ended");

    await("every delivery answered")
        .atMost(WEBHOOK_TO_PAGE)
        .until(
            () ->
                stripe.pendingDeliveries() == 0
                    && db.sql(
                                "SELECT count(*) FROM stripe_events e WHERE NOT EXISTS "
                                    + "(SELECT 1 FROM applied_stripe_events a WHERE a.event_id = e.id)")
                            .query(Long.class)
                            .single()
                        == 0);
    return endState(businessId, ownerEmail);
  }

  private Map<String, Object> endState(String businessId, String ownerEmail) {
    Map<String, Object> state = new java.util.LinkedHashMap<>();
    state.put(
        "status",
        db.sql("SELECT status FROM business_billing WHERE business_id = :id::uuid")
            .param("id", businessId)
            .query(String.class)
            .single());
    state.put("featured", featured(businessId));
    state.put("paid invoices", payments(businessId, "paid"));
    state.put("failed attempts", payments(businessId, "failed"));
    state.put(
        "activated, canceled and ended once",
        db.sql(
                """
            SELECT count(*) = 1 AND bool_and(activated_at IS NOT NULL AND canceled_at IS NOT NULL AND ended_at IS NOT NULL)
            FROM billing_subscriptions WHERE business_id = :id::uuid""")
            .param("id", businessId)
            .query(Boolean.class)
            .single());
    state.put("receipts", mails(ownerEmail, RECEIPT));
    state.put("payment-failed mails", mails(ownerEmail, PAYMENT_FAILED));
    return Map.copyOf(state);
  }

  private void changeCardInThePortal(String subscriptionPage, String card, String screenshot) {
    page.navigate(subscriptionPage);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Manage")).click();
    assertThat(page).hasURL(Pattern.compile(jsRegex(stripe.url()) + "/portal/.*"));
    page.getByLabel("New card number").fill(card);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update card")).click();
    assertThat(page.getByText("Card ending in " + card.substring(card.length() - 4))).isVisible();
    capture(screenshot);
  }

  /** Playwright hands the pattern to the browser's JavaScript, which knows no \Q...\E quoting. */
  private static String jsRegex(String literal) {
    return literal.replaceAll("[.?*+^$()\\[\\]{}|\\\\/]", "\\\\$0");
  }

  private Locator statusHeading() {
    return page.getByRole(
        AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Status:")));
  }

  private Locator listingCard(String name) {
    return page.locator(".card", new Page.LocatorOptions().setHasText(name));
  }

  private static LocatorAssertions.ContainsTextOptions within(Duration timeout) {
    return new LocatorAssertions.ContainsTextOptions().setTimeout(timeout.toMillis());
  }

  private void awaitStatus(String businessId, String status) {
    await("subscription " + status)
        .atMost(WEBHOOK_TO_PAGE)
        .until(
            () ->
                status.equals(
                    db.sql("SELECT status FROM business_billing WHERE business_id = :id::uuid")
                        .param("id", businessId)
                        .query(String.class)
                        .single()));
  }

  private boolean featured(String businessId) {
    return db.sql("SELECT featured FROM businesses WHERE id = :id::uuid")
        .param("id", businessId)
        .query(Boolean.class)
        .single();
  }

  private long payments(String businessId, String outcome) {
    return db.sql(
            "SELECT count(*) FROM billing_invoice_payments WHERE business_id = :id::uuid AND outcome = :outcome")
        .param("id", businessId)
        .param("outcome", outcome)
        .query(Long.class)
        .single();
  }

  private void awaitMails(String recipient, String subject, long count) {
    await(count + " × '" + subject + "'")
        .atMost(WEBHOOK_TO_PAGE)
        .until(() -> mails(recipient, subject) >= count);
  }

  private long mails(String recipient, String subject) {
    return system.stack().mail().messages().stream()
        .filter(
            mail ->
                mail.to().stream().anyMatch(recipient::equalsIgnoreCase)
                    && subject.equals(mail.subject()))
        .count();
  }

  private void signIn(String email) {
    signIn(email, ApiClient.PASSWORD);
  }

  private String publish(String owner, String admin, String townId, String name) {
    ObjectNode listing =
        JSON.createObjectNode()
            .put("townId", townId)
            .put("name", name)
            .put("category", "BOOKS")
            .put("description", "New and second-hand books by the harbour")
            .put("address", "1 Quay Street");
    return published(owner, admin, listing);
  }
}
