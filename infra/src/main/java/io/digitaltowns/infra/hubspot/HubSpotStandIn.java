package io.digitaltowns.infra.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.digitaltowns.infra.http.JsonExchange;
import io.digitaltowns.infra.http.JsonHttpServer;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for HubSpot's CRM API, for the local system and the fault tests: the calls the
 * crm-sync consumer makes, with HubSpot's documented request and answer shapes — batch upsert of
 * contacts (by email) and companies (by a unique property) on {@code /crm/v3/objects/{type}/batch/
 * upsert}, contact search, the v4 default contact–company association, notes, GDPR delete — and a
 * private app token as bearer token (401 in HubSpot's error shape otherwise).
 *
 * <p>It keeps what it was sent, as HubSpot would (one record per unique key, its properties
 * merged), and also counts every upsert of each contact, so that a test can tell an effect that
 * reached HubSpot once from one sent twice. Not HubSpot: no rate limits, no property validation, no
 * pagination.
 */
public final class HubSpotStandIn {

  private static final String CONTENT_TYPE = "application/json;charset=utf-8";
  private static final String BEARER = "Bearer ";

  private final JsonHttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final String accessToken;
  private final AtomicLong ids = new AtomicLong(1_000);

  /** contacts by email (lower case, as HubSpot compares them) */
  private final Map<String, CrmObject> contacts = new HashMap<>();

  /** companies by "property=value" of the unique property they were upserted by */
  private final Map<String, CrmObject> companies = new HashMap<>();

  private final Map<String, Integer> contactUpserts = new HashMap<>();
  private final List<CrmObject> notes = new ArrayList<>();

  /** One CRM record: its id and properties. */
  private record CrmObject(String id, Map<String, String> properties, Instant createdAt) {}

  /**
   * @param port where it listens
   */
  public HubSpotStandIn(int port) {
    this.server = new JsonHttpServer("hubspot-standin", port, this::handle);
    byte[] token = new byte[16];
    new SecureRandom().nextBytes(token);
    this.accessToken = "pat-standin-" + HexFormat.of().formatHex(token);
  }

  public void start() {
    server.start();
  }

  public void stop() {
    server.stop();
  }

  /** What HUBSPOT_BASE_URL is set to. */
  public String url() {
    return "http://localhost:" + server.port();
  }

  /** The only private app token accepted (HUBSPOT_ACCESS_TOKEN), made up at start. */
  public String accessToken() {
    return accessToken;
  }

  /** How many times the contact with this email was upserted (0: never). */
  public synchronized int contactUpsertsOf(String email) {
    return contactUpserts.getOrDefault(key(email), 0);
  }

  /** The contact's properties as HubSpot holds them, if there is one with this email. */
  public synchronized Optional<Map<String, String>> contact(String email) {
    return Optional.ofNullable(contacts.get(key(email))).map(c -> Map.copyOf(c.properties()));
  }

  /** How many notes hold this text in their body. */
  public synchronized long notesContaining(String text) {
    return notes.stream()
        .filter(note -> note.properties().getOrDefault("hs_note_body", "").contains(text))
        .count();
  }

  private void handle(HttpExchange http) throws IOException {
    try (http) {
      JsonExchange exchange = new JsonExchange(http, json, CONTENT_TYPE);
      String authorization = http.getRequestHeaders().getFirst("Authorization");
      if (authorization == null || !authorization.equals(BEARER + accessToken)) {
        exchange.respond(
            401,
            error(
                "Authentication credentials not found. This API supports OAuth 2.0 authentication",
                "INVALID_AUTHENTICATION"));
        return;
      }
      JsonNode body;
      try {
        body = exchange.body();
      } catch (IOException notJson) {
        exchange.respond(400, error("Invalid input JSON", "VALIDATION_ERROR"));
        return;
      }
      route(exchange, exchange.method(), exchange.pathSegments(), body);
    }
  }

  private void route(JsonExchange exchange, String method, List<String> path, JsonNode body)
      throws IOException {
    // /crm/v3/objects/{type}/batch/upsert
    if (method.equals("POST")
        && path.size() == 6
        && path.subList(0, 3).equals(List.of("crm", "v3", "objects"))
        && path.get(4).equals("batch")
        && path.get(5).equals("upsert")
        && (path.get(3).equals("contacts") || path.get(3).equals("companies"))) {
      exchange.respond(200, upsert(path.get(3), body));
    } else if (method.equals("POST")
        && path.equals(List.of("crm", "v3", "objects", "contacts", "search"))) {
      exchange.respond(200, search(body));
    } else if (method.equals("POST")
        && path.equals(List.of("crm", "v3", "objects", "contacts", "gdpr-delete"))) {
      if (gdprDelete(body.path("objectId").asText())) {
        exchange.respondEmpty(204);
      } else {
        exchange.respond(404, error("Object not found", "OBJECT_NOT_FOUND"));
      }
    } else if (method.equals("POST") && path.equals(List.of("crm", "v3", "objects", "notes"))) {
      exchange.respond(201, note(body));
    } else if (method.equals("PUT")
        && path.size() == 9
        && path.subList(0, 4).equals(List.of("crm", "v4", "objects", "contacts"))
        && path.subList(5, 8).equals(List.of("associations", "default", "companies"))) {
      exchange.respond(200, association(path.get(4), path.get(8)));
    } else {
      exchange.respond(404, error("Resource not found", "OBJECT_NOT_FOUND"));
    }
  }

  /** HubSpot's batch upsert answer: one result per input, {@code new} when it was created. */
  private synchronized Map<String, Object> upsert(String type, JsonNode body) {
    Instant started = Instant.now();
    List<Object> results = new ArrayList<>();
    for (JsonNode input : body.path("inputs")) {
      String idProperty = input.path("idProperty").asText();
      String id = input.path("id").asText();
      Map<String, String> properties = new LinkedHashMap<>();
      input
          .path("properties")
          .properties()
          .forEach(p -> properties.put(p.getKey(), p.getValue().asText()));
      Map<String, CrmObject> records = type.equals("contacts") ? contacts : companies;
      String key = type.equals("contacts") ? key(id) : idProperty + "=" + id;
      CrmObject existing = records.get(key);
      boolean created = existing == null;
      CrmObject crmObject =
          created
              ? new CrmObject(Long.toString(ids.incrementAndGet()), new LinkedHashMap<>(), started)
              : existing;
      crmObject.properties().putAll(properties);
      crmObject.properties().put(idProperty, id);
      crmObject.properties().put("hs_object_id", crmObject.id());
      records.put(key, crmObject);
      if (type.equals("contacts")) {
        contactUpserts.merge(key, 1, Integer::sum);
      }
      Map<String, Object> result = described(crmObject);
      result.put("new", created);
      results.add(result);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", "COMPLETE");
    answer.put("results", results);
    answer.put("startedAt", started.toString());
    answer.put("completedAt", Instant.now().toString());
    return answer;
  }

  /** Contacts whose property equals the value (the EQ filters of the first filter group). */
  private synchronized Map<String, Object> search(JsonNode body) {
    List<Object> results = new ArrayList<>();
    JsonNode filters = body.path("filterGroups").path(0).path("filters");
    for (CrmObject contact : contacts.values()) {
      boolean matches = true;
      for (JsonNode filter : filters) {
        String value = contact.properties().get(filter.path("propertyName").asText());
        matches &= value != null && value.equals(filter.path("value").asText());
      }
      if (matches) {
        results.add(described(contact));
      }
    }
    return Map.of("total", results.size(), "results", results);
  }

  private synchronized boolean gdprDelete(String contactId) {
    return contacts.values().removeIf(contact -> contact.id().equals(contactId));
  }

  private synchronized Map<String, Object> note(JsonNode body) {
    Map<String, String> properties = new LinkedHashMap<>();
    body.path("properties")
        .properties()
        .forEach(p -> properties.put(p.getKey(), p.getValue().asText()));
    CrmObject note = new CrmObject(Long.toString(ids.incrementAndGet()), properties, Instant.now());
    notes.add(note);
    return described(note);
  }

  private Map<String, Object> association(String contactId, String companyId) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("fromObjectTypeId", "0-1");
    result.put("fromObjectId", contactId);
    result.put("toObjectTypeId", "0-2");
    result.put("toObjectId", companyId);
    result.put(
        "associationTypes",
        List.of(Map.of("category", "HUBSPOT_DEFINED", "typeId", 279, "label", "")));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", "COMPLETE");
    answer.put("results", List.of(result));
    answer.put("startedAt", Instant.now().toString());
    answer.put("completedAt", Instant.now().toString());
    return answer;
  }

  private static Map<String, Object> described(CrmObject crmObject) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("id", crmObject.id());
    described.put("properties", Map.copyOf(crmObject.properties()));
    described.put("createdAt", crmObject.createdAt().toString());
    described.put("updatedAt", Instant.now().toString());
    described.put("archived", false);
    return described;
  }

  private static Map<String, Object> error(String message, String category) {
    return Map.of(
        "status",
        "error",
        "message",
        message,
        "correlationId",
        UUID.randomUUID().toString(),
        "category",
        category);
  }

  private static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
