package io.digitaltowns.infra.registry;

import static io.digitaltowns.infra.registry.Schemas.V1;
import static io.digitaltowns.infra.registry.Schemas.V2_REQUIRED_FIELD;
import static io.digitaltowns.infra.registry.Schemas.V2_WITH_DEFAULT;
import static io.digitaltowns.infra.registry.Schemas.uniqueSubject;
import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.registry.RegistryClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaRegistryServerTest {

  private final RegistryClient registry =
      new RegistryClient(LocalStack.shared().schemaRegistryUrl());

  @Test
  void registering_a_schema_returns_its_id_in_the_confluent_media_type() {
    Response response = registry.register(uniqueSubject("accounts"), V1);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("id").asInt()).isPositive();
    assertThat(response.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
  }

  @Test
  void registering_the_same_schema_again_returns_the_same_id_and_no_new_version() {
    String subject = uniqueSubject("accounts");
    int first = registry.register(subject, V1).body().get("id").asInt();
    // same schema, different whitespace
    int second =
        registry
            .register(subject, V1.replace("\n", " ").replace("  ", ""))
            .body()
            .get("id")
            .asInt();

    assertThat(second).isEqualTo(first);
    assertThat(versions(subject)).containsExactly(1);
  }

  @Test
  void the_same_schema_under_another_subject_keeps_its_global_id() {
    int underOne =
        registry.register(uniqueSubject("one"), V2_WITH_DEFAULT).body().get("id").asInt();
    int underOther =
        registry.register(uniqueSubject("other"), V2_WITH_DEFAULT).body().get("id").asInt();

    assertThat(underOther).isEqualTo(underOne);
  }

  @Test
  void a_schema_is_found_by_its_id() {
    int id = registry.register(uniqueSubject("accounts"), V1).body().get("id").asInt();

    Response response = registry.get("/schemas/ids/" + id);

    assertThat(response.status()).isEqualTo(200);
    assertThat(new Schema.Parser().parse(response.body().get("schema").asText()))
        .isEqualTo(new Schema.Parser().parse(V1));
  }

  @Test
  void an_unknown_schema_id_is_not_found() {
    Response response = registry.get("/schemas/ids/987654");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("error_code").asInt()).isEqualTo(40403);
  }

  @Test
  void subjects_and_their_versions_are_listed() {
    String subject = uniqueSubject("listed");
    registry.register(subject, V1);
    registry.register(subject, V2_WITH_DEFAULT);

    List<String> subjects = new ArrayList<>();
    registry.get("/subjects").body().forEach(node -> subjects.add(node.asText()));

    assertThat(subjects).contains(subject);
    assertThat(versions(subject)).containsExactly(1, 2);
  }

  @Test
  void the_latest_version_of_a_subject_is_the_last_registered() {
    String subject = uniqueSubject("latest");
    registry.register(subject, V1);
    int id = registry.register(subject, V2_WITH_DEFAULT).body().get("id").asInt();

    Response latest = registry.get("/subjects/" + subject + "/versions/latest");
    Response first = registry.get("/subjects/" + subject + "/versions/1");

    assertThat(latest.body().get("subject").asText()).isEqualTo(subject);
    assertThat(latest.body().get("version").asInt()).isEqualTo(2);
    assertThat(latest.body().get("id").asInt()).isEqualTo(id);
    assertThat(new Schema.Parser().parse(latest.body().get("schema").asText()))
        .isEqualTo(new Schema.Parser().parse(V2_WITH_DEFAULT));
    assertThat(first.body().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void unknown_subjects_and_versions_are_not_found_with_confluent_error_codes() {
    String subject = uniqueSubject("missing");
    assertThat(registry.get("/subjects/" + subject + "/versions").body().get("error_code").asInt())
        .isEqualTo(40401);

    registry.register(subject, V1);
    Response missingVersion = registry.get("/subjects/" + subject + "/versions/7");

    assertThat(missingVersion.status()).isEqualTo(404);
    assertThat(missingVersion.body().get("error_code").asInt()).isEqualTo(40402);
  }

  @Test
  void registering_an_incompatible_schema_is_a_conflict() {
    String subject = uniqueSubject("incompatible");
    registry.register(subject, V1);

    Response response = registry.register(subject, V2_REQUIRED_FIELD);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body().get("error_code").asInt()).isEqualTo(409);
    assertThat(response.body().get("message").asText()).contains("incompatible");
    assertThat(versions(subject)).containsExactly(1);
  }

  @Test
  void adding_a_field_with_a_default_is_a_new_compatible_version() {
    String subject = uniqueSubject("compatible");
    int first = registry.register(subject, V1).body().get("id").asInt();

    Response response = registry.register(subject, V2_WITH_DEFAULT);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("id").asInt()).isNotEqualTo(first);
    assertThat(versions(subject)).containsExactly(1, 2);
  }

  @Test
  void an_unparseable_schema_is_unprocessable() {
    Response response =
        registry.register(uniqueSubject("broken"), "{\"type\":\"record\",\"name\":");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().get("error_code").asInt()).isEqualTo(42201);
  }

  @Test
  void the_compatibility_endpoint_tells_whether_a_schema_may_follow_the_latest() {
    String subject = uniqueSubject("check");
    registry.register(subject, V1);
    String path = "/compatibility/subjects/" + subject + "/versions/latest";

    assertThat(
            registry
                .post(path, Map.of("schema", V2_REQUIRED_FIELD))
                .body()
                .get("is_compatible")
                .asBoolean())
        .isFalse();
    assertThat(
            registry
                .post(path, Map.of("schema", V2_WITH_DEFAULT))
                .body()
                .get("is_compatible")
                .asBoolean())
        .isTrue();
  }

  @Test
  void a_registered_schema_is_looked_up_under_its_subject() {
    String subject = uniqueSubject("lookup");
    int id = registry.register(subject, V1).body().get("id").asInt();

    Response found = registry.post("/subjects/" + subject, Map.of("schema", V1));
    Response notFound = registry.post("/subjects/" + subject, Map.of("schema", V2_WITH_DEFAULT));

    assertThat(found.body().get("id").asInt()).isEqualTo(id);
    assertThat(found.body().get("version").asInt()).isEqualTo(1);
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.body().get("error_code").asInt()).isEqualTo(40403);
  }

  @Test
  void a_subject_level_overrides_the_global_default() {
    String subject = uniqueSubject("configured");
    assertThat(registry.get("/config").body().get("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");
    assertThat(registry.get("/config/" + subject).body().get("error_code").asInt())
        .isEqualTo(40408);
    assertThat(
            registry
                .get("/config/" + subject + "?defaultToGlobal=true")
                .body()
                .get("compatibilityLevel")
                .asText())
        .isEqualTo("BACKWARD");

    Response set = registry.put("/config/" + subject, Map.of("compatibility", "NONE"));
    registry.register(subject, V1);
    Response breaking = registry.register(subject, V2_REQUIRED_FIELD);

    assertThat(set.body().get("compatibility").asText()).isEqualTo("NONE");
    assertThat(registry.get("/config/" + subject).body().get("compatibilityLevel").asText())
        .isEqualTo("NONE");
    assertThat(breaking.status()).isEqualTo(200);
  }

  @Test
  void an_unknown_compatibility_level_is_rejected() {
    Response response =
        registry.put("/config/" + uniqueSubject("odd"), Map.of("compatibility", "SIDEWAYS"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().get("error_code").asInt()).isEqualTo(42203);
  }

  private List<Integer> versions(String subject) {
    List<Integer> versions = new ArrayList<>();
    registry
        .get("/subjects/" + subject + "/versions")
        .body()
        .forEach(node -> versions.add(node.asInt()));
    return versions;
  }
}
