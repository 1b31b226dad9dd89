package io.digitaltowns.consumers.crmsync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserDeleted;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.businesses.BusinessApproved;
import io.digitaltowns.events.businesses.BusinessContacted;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crm-sync consumer group as deployed: the consumers application against the real Kafka broker,
 * schema registry and PostgreSQL of the local stack, with HubSpot played by a WireMock server
 * answering in HubSpot's documented CRM v3/v4 JSON. What is asserted is what HubSpot receives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrmSyncTest {

  private static final String TOKEN = "test-token";
  private static final String UPSERT_CONTACTS = "/crm/v3/objects/contacts/batch/upsert";
  private static final String UPSERT_COMPANIES = "/crm/v3/objects/companies/batch/upsert";
  private static final String NOTES = "/crm/v3/objects/notes";
  private static final String GDPR_DELETE = "/crm/v3/objects/contacts/gdpr-delete";
  private static final String ACCOUNTS_DLT = Topics.ACCOUNTS_EVENTS + ".crm-sync.dlt";
  private static final String BUSINESSES_DLT = Topics.BUSINESSES_EVENTS + ".crm-sync.dlt";
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private static final List<String> logLines = new CopyOnWriteArrayList<>();
  private static final Logger root =
      (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private static final AppenderBase<ILoggingEvent> capture =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          logLines.add(
              event.getLevel()
                  + " "
                  + event.getLoggerName()
                  + " "
                  + event.getFormattedMessage()
                  + (event.getThrowableProxy() == null
                      ? ""
                      : " " + ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
      };

  private static LocalStack stack;
  private static WireMockServer hubSpot;
  private static ConfigurableApplicationContext consumers;
  private static EventFeed feed;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.shared();
    feed = new EventFeed(stack);
    createDeadLetterTopics();
    hubSpot = new WireMockServer(wireMockConfig().dynamicPort());
    hubSpot.start();
    defaultHubSpot();
    consumers =
        RunningConsumers.start(
            stack,
            Map.of(
                "digitaltowns.consumers.crm-sync.enabled", "true",
                "digitaltowns.hubspot.base-url", hubSpot.baseUrl(),
                "digitaltowns.hubspot.access-token", TOKEN,
                "digitaltowns.hubspot.max-retry-after", "2s",
                "digitaltowns.consumers.retry.initial-interval", "200ms",
                "digitaltowns.consumers.retry.max-interval", "1s",
                "digitaltowns.consumers.retry.max-elapsed", "20s"));
    // attached once the application started: starting it may reset logging (after another test's
    // context closed)
    capture.setContext(root.getLoggerContext());
    capture.start();
    root.addAppender(capture);
    jdbc = consumers.getBean(JdbcClient.class);
  }

  @AfterAll
  static void stop() {
    if (feed != null) {
      feed.close();
    }
    if (consumers != null) {
      consumers.close();
    }
    if (hubSpot != null) {
      hubSpot.stop();
    }
    root.detachAppender(capture);
    capture.stop();
  }

  @Test
  @Order(1)
  void a_registration_becomes_one_contact_upserted_by_email_with_the_private_app_token() {
    String userId = UUID.randomUUID().toString();
    String email = uniqueEmail("grace");
    contactIs(email, "1001");

    publish(Topics.ACCOUNTS_EVENTS, userId, registered(userId, email, "Grace Hopper"));

    await().atMost(DEADLINE).until(() -> contactIdOf(userId), "1001"::equals);
    List<LoggedRequest> upserts = hubSpot.findAll(upsertOf(email));
    assertThat(upserts).hasSize(1);
    LoggedRequest upsert = upserts.get(0);
    assertThat(upsert.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    hubSpot.verify(
        1,
        postRequestedFor(urlEqualTo(UPSERT_CONTACTS))
            .withRequestBody(
                equalToJson(
                    """
            {"inputs": [{"idProperty": "email", "id": "%s",
              "properties": {"email": "%s", "firstname": "Grace Hopper", "lifecyclestage": "subscriber", "dt_user_id": "%s"}}]}
            """
                        .formatted(email, email, userId))));
  }

  @Test
  @Order(2)
  void a_redelivered_registration_is_upserted_once() {
    String userId = UUID.randomUUID().toString();
    String email = uniqueEmail("twice");
    String later = uniqueEmail("later");
    contactIs(email, "1002");
    contactIs(later, "1003");
    UserRegistered event = registered(userId, email, "Twice");

    publish(Topics.ACCOUNTS_EVENTS, userId, event);
    publish(Topics.ACCOUNTS_EVENTS, userId, event);
    // same key, same partition: once this one is in HubSpot, both copies before it were handled
    publish(Topics.ACCOUNTS_EVENTS, userId, registered(userId, later, "Twice"));

    await().atMost(DEADLINE).until(() -> hubSpot.findAll(upsertOf(later)).size(), n -> n == 1);
    assertThat(hubSpot.findAll(upsertOf(email))).hasSize(1);
  }

  @Test
  @Order(3)
  void a_rate_limit_and_an_outage_are_retried_until_hubspot_takes_the_contact() {
    String userId = UUID.randomUUID().toString();
    String email = uniqueEmail("limited");
    String scenario = "limited-" + email;
    // 429 with Retry-After (waited out in place), then 503 without (the consumer's backoff), then
    // 200
    hubSpot.stubFor(
        upsertStub(email)
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                {"status":"error","message":"You have reached your secondly limit.","errorType":"RATE_LIMIT",
                 "correlationId":"c0ffee00-0000-0000-0000-000000000001","policyName":"SECONDLY"}"""))
            .willSetStateTo("limited-once"));
    hubSpot.stubFor(
        upsertStub(email)
            .inScenario(scenario)
            .whenScenarioStateIs("limited-once")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("recovered"));
    hubSpot.stubFor(
        upsertStub(email)
            .inScenario(scenario)
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(upsertResponse("1004", email))));

    publish(Topics.ACCOUNTS_EVENTS, userId, registered(userId, email, "Limited"));

    await().atMost(DEADLINE).until(() -> contactIdOf(userId), "1004"::equals);
    assertThat(hubSpot.findAll(upsertOf(email))).hasSize(3);
  }

  @Test
  @Order(4)
  void an_approved_business_becomes_a_company_keyed_by_its_id_and_associated_with_its_owner() {
    String ownerId = UUID.randomUUID().toString();
    String businessId = UUID.randomUUID().toString();
    String email = uniqueEmail("owner");
    contactIs(email, "1005");
    companyIs(businessId, "2005");

    publish(
        Topics.BUSINESSES_EVENTS,
        businessId,
        BusinessApproved.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(businessId)
            .setTownId("town-1")
            .setName("Bakery Hopper")
            .setCategory("bakery")
            .setOwnerId(ownerId)
            .setOwnerEmail(email)
            .setOwnerName("Owner Hopper")
            .setApprovedBy("admin-1")
            .build());

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                hubSpot.verify(
                    1,
                    putRequestedFor(
                        urlEqualTo(
                            "/crm/v4/objects/contacts/1005/associations/default/companies/2005"))));
    hubSpot.verify(
        1,
        postRequestedFor(urlEqualTo(UPSERT_COMPANIES))
            .withRequestBody(
                equalToJson(
                    """
        {"inputs": [{"idProperty": "dt_business_id", "id": "%s",
          "properties": {"dt_business_id": "%s", "name": "Bakery Hopper", "description": "bakery"}}]}
        """
                        .formatted(businessId, businessId))));
    // the mapping commits with the event, just after the last call
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                jdbc.sql(
                        "SELECT hubspot_company_id FROM consumers.crm_companies WHERE business_id = ?")
                    .param(businessId)
                    .query(String.class)
                    .optional()
                    .orElse(null),
            "2005"::equals);
    assertThat(contactIdOf(ownerId)).isEqualTo("1005");
  }

  @Test
  @Order(5)
  void a_message_to_a_business_makes_its_sender_a_lead_with_a_note_on_the_company() {
    String senderId = UUID.randomUUID().toString();
    String businessId = UUID.randomUUID().toString();
    String email = uniqueEmail("sender");
    contactIs(email, "1006");
    companyIs(businessId, "2006");

    publish(
        Topics.BUSINESSES_EVENTS,
        businessId,
        contacted(businessId, senderId, email, "Is the bakery open on Sunday?"));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                hubSpot.verify(
                    1,
                    postRequestedFor(urlEqualTo(NOTES))
                        .withRequestBody(
                            matchingJsonPath(
                                "$.properties.hs_note_body",
                                containing("Is the bakery open on Sunday?")))
                        .withRequestBody(
                            matchingJsonPath("$.associations[0].to.id", equalTo("2006")))
                        .withRequestBody(
                            matchingJsonPath(
                                "$.associations[0].types[0].associationTypeId", equalTo("190")))
                        .withRequestBody(
                            matchingJsonPath("$.associations[1].to.id", equalTo("1006")))));
    hubSpot.verify(
        1,
        upsertOf(email)
            .withRequestBody(
                matchingJsonPath("$.inputs[0].properties.lifecyclestage", equalTo("lead"))));
  }

  @Test
  @Order(6)
  void
      a_deleted_users_contact_is_erased_with_the_gdpr_delete_and_a_later_message_from_them_does_not_bring_it_back() {
    String userId = UUID.randomUUID().toString();
    String businessId = UUID.randomUUID().toString();
    String email = uniqueEmail("erased");
    String other = uniqueEmail("other");
    contactIs(email, "1007");
    contactIs(other, "1008");
    companyIs(businessId, "2007");
    publish(Topics.ACCOUNTS_EVENTS, userId, registered(userId, email, "Erased"));
    await().atMost(DEADLINE).until(() -> contactIdOf(userId), "1007"::equals);

    publish(
        Topics.ACCOUNTS_EVENTS,
        userId,
        UserDeleted.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(userId)
            .setBusinessIds(List.of(businessId))
            .build());

    // permanently (GDPR delete), not to the recycle bin where DELETE leaves it restorable for 90
    // days
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                hubSpot.verify(
                    1,
                    postRequestedFor(urlEqualTo(GDPR_DELETE))
                        .withRequestBody(equalToJson("{\"objectId\": \"1007\"}"))));
    hubSpot.verify(0, deleteRequestedFor(urlPathMatching("/crm/v3/objects/contacts/.*")));
    // on the CRM timeline of the business the account owned, in the transaction that records the
    // erasure
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "SELECT summary FROM consumers.crm_view_activities WHERE business_id = ? AND kind = 'HUBSPOT_CONTACT_ERASED'")
                            .param(businessId)
                            .query(String.class)
                            .list())
                    .containsExactly("HubSpot contact erased with GDPR delete (account deleted)"));
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM consumers.crm_erased_users WHERE user_id = ?")
                        .param(userId)
                        .query(Long.class)
                        .single()
                    == 1);
    assertThat(contactIdOf(userId)).isNull();

    publish(
        Topics.BUSINESSES_EVENTS,
        businessId,
        contacted(businessId, userId, email, "from a deleted account"));
    // same business, same partition: once this one's note is in HubSpot, the one before was handled
    publish(
        Topics.BUSINESSES_EVENTS,
        businessId,
        contacted(businessId, UUID.randomUUID().toString(), other, "from someone else"));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                hubSpot.verify(
                    1,
                    postRequestedFor(urlEqualTo(NOTES))
                        .withRequestBody(
                            matchingJsonPath(
                                "$.properties.hs_note_body", containing("from someone else")))));
    assertThat(hubSpot.findAll(upsertOf(email))).as("upserts of the erased address").hasSize(1);
    hubSpot.verify(
        0,
        postRequestedFor(urlEqualTo(NOTES))
            .withRequestBody(
                matchingJsonPath(
                    "$.properties.hs_note_body", containing("from a deleted account"))));
  }

  @Test
  @Order(7)
  void a_contact_hubspot_rejects_as_invalid_is_dead_lettered_and_the_consumer_moves_on()
      throws Exception {
    String userId = UUID.randomUUID().toString();
    String invalid = uniqueEmail("invalid");
    String next = uniqueEmail("next");
    hubSpot.stubFor(
        upsertStub(invalid)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
            {"status":"error","message":"Property values were not valid: %s","correlationId":"c0ffee00-0000-0000-0000-000000000002",
             "category":"VALIDATION_ERROR"}"""
                            .formatted(invalid))));
    contactIs(next, "1009");
    UserRegistered rejected = registered(userId, invalid, "Invalid");
    byte[] value = feed.wireBytes(rejected);

    feed.send(
        new ProducerRecord<>(
            Topics.ACCOUNTS_EVENTS, userId.getBytes(StandardCharsets.UTF_8), value));
    publish(Topics.ACCOUNTS_EVENTS, userId, registered(userId, next, "Next"));

    await().atMost(DEADLINE).until(() -> hubSpot.findAll(upsertOf(next)).size(), n -> n == 1);
    assertThat(hubSpot.findAll(upsertOf(invalid))).hasSize(1); // not retried
    assertThat(deadLetterValues(ACCOUNTS_DLT))
        .anySatisfy(letter -> assertThat(letter).isEqualTo(value));
  }

  @Test
  @Order(8)
  void the_token_appears_in_no_log_line() {
    assertThat(logLines).isNotEmpty();
    assertThat(logLines).noneMatch(line -> line.contains(TOKEN));
    assertThat(consumers.getBean(HubSpotProperties.class).toString()).doesNotContain(TOKEN);
  }

  // --- HubSpot as documented: batch upsert answers with the records' ids

  private static void defaultHubSpot() {
    // anything the tests do not set up (events other test classes left in the topics, say) still
    // works
    hubSpot.stubFor(
        post(urlEqualTo(UPSERT_CONTACTS))
            .atPriority(10)
            .willReturn(okJson(upsertResponse("1", "x@example.org"))));
    hubSpot.stubFor(
        post(urlEqualTo(UPSERT_COMPANIES))
            .atPriority(10)
            .willReturn(okJson(upsertResponse("2", null))));
    hubSpot.stubFor(
        post(urlEqualTo("/crm/v3/objects/contacts/search"))
            .atPriority(10)
            .willReturn(okJson("{\"total\":0,\"results\":[]}")));
    hubSpot.stubFor(
        put(urlPathMatching("/crm/v4/objects/contacts/[^/]+/associations/default/companies/[^/]+"))
            .atPriority(10)
            .willReturn(
                okJson(
                    """
            {"status":"COMPLETE","results":[{"associationSpec":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}}],
             "startedAt":"2026-01-01T00:00:00Z","completedAt":"2026-01-01T00:00:00Z"}""")));
    hubSpot.stubFor(
        post(urlEqualTo(NOTES))
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"3001\",\"properties\":{},\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"archived\":false}")));
    hubSpot.stubFor(
        post(urlEqualTo(GDPR_DELETE)).atPriority(10).willReturn(aResponse().withStatus(204)));
    hubSpot.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
  }

  private static void contactIs(String email, String id) {
    hubSpot.stubFor(upsertStub(email).atPriority(1).willReturn(okJson(upsertResponse(id, email))));
  }

  private static void companyIs(String businessId, String id) {
    hubSpot.stubFor(
        post(urlEqualTo(UPSERT_COMPANIES))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.inputs[0].id", equalTo(businessId)))
            .willReturn(okJson(upsertResponse(id, null))));
  }

  private static MappingBuilder upsertStub(String email) {
    return post(urlEqualTo(UPSERT_CONTACTS))
        .withRequestBody(matchingJsonPath("$.inputs[0].id", equalTo(email)));
  }

  private static RequestPatternBuilder upsertOf(String email) {
    return postRequestedFor(urlEqualTo(UPSERT_CONTACTS))
        .withRequestBody(matchingJsonPath("$.inputs[0].id", equalTo(email)));
  }

  private static String upsertResponse(String id, String email) {
    return """
        {"status":"COMPLETE","results":[{"id":"%s","properties":{"email":%s,"hs_object_id":"%s"},
          "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","archived":false,"new":true}],
         "requestedAt":"2026-01-01T00:00:00Z","startedAt":"2026-01-01T00:00:00Z","completedAt":"2026-01-01T00:00:00Z"}
        """
        .formatted(id, email == null ? "null" : "\"" + email + "\"", id);
  }

  // --- events, topics, database

  private static UserRegistered registered(String userId, String email, String name) {
    return UserRegistered.newBuilder()
        .setEventId(eventId())
        .setOccurredAt(now())
        .setAggregateId(userId)
        .setEmail(email)
        .setDisplayName(name)
        .setSignupMethod(SignupMethod.PASSWORD)
        .build();
  }

  private static BusinessContacted contacted(
      String businessId, String senderId, String senderEmail, String message) {
    return BusinessContacted.newBuilder()
        .setEventId(eventId())
        .setOccurredAt(now())
        .setAggregateId(businessId)
        .setTownId("town-1")
        .setName("Bakery")
        .setCategory("bakery")
        .setOwnerId(UUID.randomUUID().toString())
        .setOwnerEmail(uniqueEmail("bakery-owner"))
        .setOwnerName("Owner")
        .setMessageId(UUID.randomUUID().toString())
        .setSenderId(senderId)
        .setSenderName("Sender")
        .setSenderEmail(senderEmail)
        .setMessage(message)
        .build();
  }

  private static String contactIdOf(String userId) {
    return jdbc.sql("SELECT hubspot_contact_id FROM consumers.crm_contacts WHERE user_id = ?")
        .param(userId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static void publish(String topic, String key, SpecificRecord event) {
    feed.send(topic, key, event);
  }

  private static void createDeadLetterTopics() {
    feed.ensureTopics(ACCOUNTS_DLT, BUSINESSES_DLT);
  }

  private static List<byte[]> deadLetterValues(String topic) {
    return feed.recordsIn(topic).stream().map(ConsumerRecord::value).toList();
  }

  private static String eventId() {
    return UUID.randomUUID().toString();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID() + "@example.org";
  }
}
