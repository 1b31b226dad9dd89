package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.api.accounts.AccountRoles;
import io.digitaltowns.api.accounts.Role;
import io.digitaltowns.events.catalog.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The CRM end to end: a business's life driven through the api, relayed to Kafka, projected by the
 * crm consumer group, and read back as the company's timeline from the api's CRM endpoints; then
 * the group replays every topic from the start, and the timeline stays as it was.
 */
class CrmTimelineFlowTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final List<String> CRM_TOPICS =
      List.of(
          Topics.ACCOUNTS_EVENTS,
          Topics.BUSINESSES_EVENTS,
          Topics.BILLING_EVENTS,
          Topics.CRM_EVENTS);
  private static final List<String> LIFECYCLE =
      List.of("LISTING_CREATED", "SUBMITTED", "APPROVED", "MESSAGE_RECEIVED", "NOTE");

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @Test
  void a_business_life_becomes_its_crm_timeline_in_order_and_a_replay_adds_nothing()
      throws Exception {
    String admin = anAdmin();
    String townSlug = "crm-" + UUID.randomUUID().toString().substring(0, 8);
    api.call(
        "POST",
        "/api/admin/towns",
        admin,
        JSON.createObjectNode()
            .put("name", "Crmton")
            .put("slug", townSlug)
            .put("timezone", "Europe/London"));
    String townId =
        ApiClient.read(api.get(system.apiUrl() + "/api/towns/" + townSlug).body())
            .get("id")
            .asText();

    String ownerEmail = ApiClient.uniqueEmail("crm-owner");
    api.register(ownerEmail, "Olive Owner");
    String owner = api.signIn(ownerEmail);
    String businessId =
        ApiClient.read(
                api.call(
                        "POST",
                        "/api/businesses",
                        owner,
                        JSON.createObjectNode()
                            .put("townId", townId)
                            .put("name", "Crmton Creamery")
                            .put("category", "CAFE")
                            .put("description", "Ices made on the farm"))
                    .body())
            .get("id")
            .asText();
    api.call("POST", "/api/businesses/" + businessId + "/submit", owner, null);
    api.call("POST", "/api/admin/businesses/" + businessId + "/approve", admin, null);
    String residentEmail = ApiClient.uniqueEmail("crm-resident");
    api.register(residentEmail, "Rita Resident");
    AddressProof.prove(
        system, api, residentEmail); // only a verified address may contact a business
    api.call(
        "POST",
        "/api/businesses/" + businessId + "/contact",
        api.signIn(residentEmail),
        JSON.createObjectNode().put("message", "Do you cater for weddings?"));

    // the company is in the CRM once its first event is projected; then an admin writes a note on
    // it
    await()
        .atMost(DEADLINE)
        .until(() -> status("/api/admin/crm/companies/" + businessId, admin) == 200);
    api.call(
        "POST",
        "/api/admin/crm/companies/" + businessId + "/notes",
        admin,
        JSON.createObjectNode()
            .put("text", "Asked about wedding catering: send the events package."));

    await().atMost(DEADLINE).until(() -> kinds(businessId, admin).size() == LIFECYCLE.size());
    JsonNode company = ApiClient.read(get("/api/admin/crm/companies/" + businessId, admin).body());
    assertThat(company.get("timeline").findValuesAsText("kind"))
        .containsExactlyElementsOf(LIFECYCLE);
    assertThat(company.at("/company/status").asText()).isEqualTo("PUBLISHED");
    assertThat(company.at("/company/ownerEmail").asText()).isEqualTo(ownerEmail);
    assertThat(company.at("/timeline/3/detail").asText()).isEqualTo("Do you cater for weddings?");
    assertThat(company.at("/timeline/3/actorName").asText()).isEqualTo("Rita Resident");
    assertThat(company.at("/timeline/4/detail").asText())
        .isEqualTo("Asked about wedding catering: send the events package.");
    assertThat(company.at("/timeline/4/actorName").asText()).isEqualTo("Ada Admin");
    assertThat(
            ApiClient.read(get("/api/admin/crm/contacts?q=" + ownerEmail, admin).body())
                .findValuesAsText("email"))
        .containsExactly(ownerEmail);

    replayTheCrmGroupFromTheStart();

    assertThat(kinds(businessId, admin)).containsExactlyElementsOf(LIFECYCLE);
  }

  /**
   * As an operator would: stop the group's listeners, move its offsets to the start of each topic,
   * start them again and let them catch up. (The listeners, not the consumers' application: the
   * other groups and the shared system's endpoints stay as they are.)
   */
  private void replayTheCrmGroupFromTheStart() throws Exception {
    List<MessageListenerContainer> crmListeners =
        system
            .consumers()
            .getBean(KafkaListenerEndpointRegistry.class)
            .getListenerContainers()
            .stream()
            .filter(container -> "crm".equals(container.getGroupId()))
            .toList();
    assertThat(crmListeners).hasSize(CRM_TOPICS.size());
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafkaBootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(CRM_TOPICS)
          .allTopicNames()
          .get()
          .forEach(
              (topic, description) ->
                  description
                      .partitions()
                      .forEach(
                          partition -> {
                            earliest.put(
                                new TopicPartition(topic, partition.partition()),
                                OffsetSpec.earliest());
                            latest.put(
                                new TopicPartition(topic, partition.partition()),
                                OffsetSpec.latest());
                          }));
      crmListeners.forEach(MessageListenerContainer::stop);
      try {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        admin
            .listOffsets(earliest)
            .all()
            .get()
            .forEach(
                (partition, info) -> start.put(partition, new OffsetAndMetadata(info.offset())));
        // Kafka refuses while members of the group are still leaving it
        await()
            .atMost(DEADLINE)
            .ignoreExceptions()
            .until(() -> admin.alterConsumerGroupOffsets("crm", start).all().get() == null);
      } finally {
        crmListeners.forEach(MessageListenerContainer::start);
      }
      Map<TopicPartition, Long> end = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((partition, info) -> end.put(partition, info.offset()));
      await()
          .atMost(DEADLINE)
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("crm").partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream()
                    .filter(partition -> partition.getValue() > 0)
                    .allMatch(
                        partition ->
                            committed.get(partition.getKey()) != null
                                && committed.get(partition.getKey()).offset()
                                    >= partition.getValue());
              });
    }
  }

  /** A new user made an admin (the ADMIN_EMAILS route is BusinessReviewFlowTest's). */
  private String anAdmin() {
    String email = ApiClient.uniqueEmail("crm-admin");
    String id = api.register(email, "Ada Admin");
    system.api().getBean(AccountRoles.class).grant(UUID.fromString(id), Role.ADMIN, null);
    return api.signIn(email);
  }

  private List<String> kinds(String businessId, String admin) {
    return ApiClient.read(get("/api/admin/crm/companies/" + businessId + "/timeline", admin).body())
        .findValuesAsText("kind");
  }

  private int status(String path, String token) {
    return get(path, token).statusCode();
  }

  private HttpResponse<String> get(String path, String token) {
    return api.get(system.apiUrl() + path, token);
  }
}
