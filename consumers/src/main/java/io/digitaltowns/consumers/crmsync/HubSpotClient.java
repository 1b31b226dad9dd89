package io.digitaltowns.consumers.crmsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.consumers.events.PermanentFailureException;
import io.digitaltowns.platform.diagnostics.ProviderCode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few HubSpot CRM v3/v4 calls the sync needs, over {@code java.net.http}, authenticated with
 * the private app's token as {@code Authorization: Bearer}.
 *
 * <p>Failures are sorted for the consumer's error handling: 429, 5xx, network failures and 401/403
 * (a token that is missing its scopes or was rotated: fixing the configuration helps) throw {@link
 * HubSpotUnavailableException} and are retried with backoff; a 429 or 503 with a short {@code
 * Retry-After} is first waited out here. Other 4xx (validation: a malformed address, a property
 * that does not exist) throw {@link PermanentFailureException} and are dead-lettered. No message
 * carries the token, the request or HubSpot's error text (which can quote personal data): only the
 * status, HubSpot's error category and its correlation id.
 */
class HubSpotClient {

  private static final Logger log = LoggerFactory.getLogger(HubSpotClient.class);

  /** HubSpot-defined association types (v4): note → company, note → contact. */
  static final int NOTE_TO_COMPANY = 190;

  static final int NOTE_TO_CONTACT = 202;
  private static final int MAX_ATTEMPTS = 3;

  private final HubSpotProperties properties;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  HubSpotClient(HubSpotProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  /** Creates or updates the contact with this email address; returns its HubSpot id. */
  String upsertContact(String email, Map<String, String> properties) {
    return upsert("contacts", "email", email, properties);
  }

  /**
   * Creates or updates the company whose unique property {@code idProperty} is {@code id}; returns
   * its HubSpot id.
   */
  String upsertCompany(String idProperty, String id, Map<String, String> properties) {
    return upsert("companies", idProperty, id, properties);
  }

  /** The default (unlabeled) contact–company association; creating it twice changes nothing. */
  void associateContactWithCompany(String contactId, String companyId) {
    send(
        "PUT",
        "/crm/v4/objects/contacts/"
            + enc(contactId)
            + "/associations/default/companies/"
            + enc(companyId),
        null);
  }

  /** A note on the company (and the contact, if any); returns the note's id. */
  String createNote(String body, Instant timestamp, String companyId, String contactId) {
    List<Object> associations = new ArrayList<>();
    associations.add(association(companyId, NOTE_TO_COMPANY));
    if (contactId != null) {
      associations.add(association(contactId, NOTE_TO_CONTACT));
    }
    JsonNode created =
        send(
            "POST",
            "/crm/v3/objects/notes",
            Map.of(
                "properties",
                Map.of("hs_note_body", body, "hs_timestamp", timestamp.toString()),
                "associations",
                associations));
    return created.path("id").asText();
  }

  /** Ids of the contacts whose property equals the value (at most 100). */
  List<String> findContacts(String property, String value) {
    JsonNode found =
        send(
            "POST",
            "/crm/v3/objects/contacts/search",
            Map.of(
                "filterGroups",
                    List.of(
                        Map.of(
                            "filters",
                            List.of(
                                Map.of(
                                    "propertyName", property, "operator", "EQ", "value", value)))),
                "properties", List.of("email"),
                "limit", 100));
    List<String> ids = new ArrayList<>();
    found.path("results").forEach(result -> ids.add(result.path("id").asText()));
    return ids;
  }

  /**
   * Deletes the contact permanently with HubSpot's GDPR delete ({@code POST
   * /crm/v3/objects/contacts/gdpr-delete}, by its record id): unlike {@code DELETE}, nothing stays
   * in the recycle bin for 90 days. One that is already gone (404) is fine.
   */
  void gdprDeleteContact(String contactId) {
    send("POST", "/crm/v3/objects/contacts/gdpr-delete", Map.of("objectId", contactId), true);
  }

  private String upsert(
      String objectType, String idProperty, String id, Map<String, String> properties) {
    JsonNode response =
        send(
            "POST",
            "/crm/v3/objects/" + objectType + "/batch/upsert",
            Map.of(
                "inputs",
                List.of(Map.of("idProperty", idProperty, "id", id, "properties", properties))));
    JsonNode results = response.path("results");
    if (response.path("numErrors").asInt(0) > 0 || !results.isArray() || results.isEmpty()) {
      throw new PermanentFailureException(
          "HubSpot did not upsert the "
              + objectType
              + " record: "
              + describe(response.path("errors").path(0)),
          null);
    }
    return results.get(0).path("id").asText();
  }

  private static Map<String, Object> association(String toId, int typeId) {
    return Map.of(
        "to",
        Map.of("id", toId),
        "types",
        List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", typeId)));
  }

  private JsonNode send(String method, String path, Object body) {
    return send(method, path, body, false);
  }

  /**
   * @param erasing the call removes something: a 404 (already gone, or never there) is the state
   *     wanted
   */
  private JsonNode send(String method, String path, Object body, boolean erasing) {
    if (!properties.hasAccessToken()) {
      throw new HubSpotUnavailableException(
          "HubSpot is not configured (HUBSPOT_ACCESS_TOKEN is empty)", null);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(properties.timeout())
            .header("Authorization", "Bearer " + properties.accessToken())
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
    }
    HttpRequest built = request.build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new HubSpotUnavailableException(
            method + " " + path + ": HubSpot unreachable (" + e.getClass().getSimpleName() + ")",
            null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HubSpotUnavailableException(method + " " + path + ": interrupted", null);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return read(response.body());
      }
      if (status == 404 && (erasing || "DELETE".equals(method))) {
        return read("{}"); // already archived or never there: the state we want
      }
      String failure = method + " " + path + " → " + status + " " + describe(read(response.body()));
      if (status == 429 || status >= 500) {
        Optional<Duration> retryAfter = retryAfter(response);
        if (attempt < MAX_ATTEMPTS
            && retryAfter.isPresent()
            && retryAfter.get().compareTo(properties.maxRetryAfter()) <= 0) {
          log.info("HubSpot asked to retry after {}: {}", retryAfter.get(), failure);
          pause(retryAfter.get());
          continue;
        }
        throw new HubSpotUnavailableException(failure, null);
      }
      if (status == 401 || status == 403) {
        throw new HubSpotUnavailableException(
            failure + " (check the private app's token and scopes)", null);
      }
      throw new PermanentFailureException(failure, null);
    }
  }

  private String base() {
    String base = properties.baseUrl().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
              } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: leave it to the consumer's backoff
              }
            });
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HubSpotUnavailableException(
          "interrupted while waiting for HubSpot's Retry-After", null);
    }
  }

  /**
   * HubSpot's error category and correlation id; never its message, which can quote the submitted
   * values. Both come from the answer, so each is a {@link ProviderCode}: this text reaches log
   * lines and dead-letter headers.
   */
  private static String describe(JsonNode error) {
    if (error == null || error.isMissingNode() || error.isEmpty()) {
      return "";
    }
    return "(category="
        + ProviderCode.of(error.path("category").asText("?"))
        + ", correlationId="
        + ProviderCode.of(error.path("correlationId").asText("?"))
        + ")";
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String body) {
    if (body == null || body.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      return json.createObjectNode(); // a proxy's HTML error page, say
    }
  }

  private static String enc(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
