package io.digitaltowns.stack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.stack.deployment.RepositoryFiles.EnvExample;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files name only things that exist: every service builds from the Dockerfile or
 * pulls a pinned public image, starts a jar the image has in a role the api knows, and gets only
 * variables .env.example lists; secrets are never written into render.yaml. There is no Docker
 * engine and no Render account on the project's machines: this checks structure and
 * cross-references, it does not run the containers.
 */
class DeploymentFilesTest {

  private static final Pattern SECRET =
      Pattern.compile(".*(SECRET|PASSWORD|_PASS$|_TOKEN$|JAAS|ACCESS_KEY).*");

  private static EnvExample envExample;
  private static String dockerfile;
  private static Map<String, Object> compose;
  private static Map<String, Object> render;

  /**
   * Whether a variable holds a credential: never written into a deployment file, empty in
   * .env.example.
   */
  static boolean isSecret(String name) {
    return SECRET.matcher(name).matches();
  }

  @BeforeAll
  static void readFiles() {
    envExample = EnvExample.read();
    dockerfile = RepositoryFiles.read("Dockerfile");
    compose = yaml("docker-compose.yml");
    render = yaml("render.yaml");
  }

  // ------------------------------------------------------------------------------------------
  // Dockerfile

  @Nested
  class Dockerfile {

    @Test
    void builds_with_the_maven_wrapper_on_a_jdk_and_runs_on_a_jre() {
      assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jdk AS build$");
      assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre$");
      assertThat(dockerfile).contains("./mvnw ").contains("-pl api,relay,consumers -am package");
      assertThat(RepositoryFiles.path("mvnw")).exists();
    }

    @Test
    void runs_as_an_unprivileged_user_with_a_health_check() {
      Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)$").matcher(dockerfile);
      String lastUser = null;
      while (user.find()) {
        lastUser = user.group(1);
      }
      assertThat(lastUser)
          .as("the runtime stage's USER")
          .isNotNull()
          .doesNotStartWith("root")
          .doesNotStartWith("0");
      assertThat(dockerfile)
          .containsPattern("(?m)^HEALTHCHECK .*CMD \\[\"/app/bin/healthcheck\"\\]$");
      // the api's health check polls the endpoint the api really serves
      assertThat(script("healthcheck")).contains("/health\"");
      assertThat(apiServesHealth()).as("the api has GET /health").isTrue();
    }

    /**
     * Issue 19: the check ran curl, which a JRE image never promised (Temurin's dropped it from 25
     * on). It runs the JRE's own java with the probe class the build compiles (module platform),
     * copied into the runtime stage, and polls each service's own health endpoint.
     */
    @Test
    void the_health_check_needs_only_the_jre_and_the_probe_class() {
      String healthcheck = script("healthcheck");
      assertThat(healthcheck).doesNotContainPattern("\\b(curl|wget|nc)\\b");
      String probe = "io.digitaltowns.platform.health.HealthProbe";
      assertThat(healthcheck)
          .contains("exec java ")
          .contains("-cp /app/probe " + probe + " \"$url\"");
      String classFile = probe.replace('.', '/') + ".class";
      assertThat(
              RepositoryFiles.path("platform/src/main/java/" + probe.replace('.', '/') + ".java"))
          .exists();
      assertThat(dockerfile)
          .contains("cp platform/target/classes/" + classFile + " /out/probe/")
          .contains("COPY --from=build /out/probe /app/probe");
      assertThat(RepositoryFiles.read("Dockerfile"))
          .contains("-pl api,relay,consumers -am package");
      assertThat(RepositoryFiles.read("api/pom.xml"))
          .as("platform is built with -am for the api")
          .contains("<artifactId>platform</artifactId>");
      // each service's own endpoint: the api's /health, the relay's and the consumers' liveness on
      // their ports
      assertThat(healthcheck)
          .contains("api) url=\"http://127.0.0.1:${PORT:-8080}/health\"")
          .contains("relay) url=\"http://127.0.0.1:${PORT:-8082}/actuator/health/liveness\"")
          .contains("consumers) url=\"http://127.0.0.1:${PORT:-8083}/actuator/health/liveness\"");
      assertThat(RepositoryFiles.read("relay/src/main/resources/relay.yml"))
          .contains("port: ${PORT:8082}");
      assertThat(RepositoryFiles.read("consumers/src/main/resources/consumers.yml"))
          .contains("port: ${PORT:8083}");
    }

    @Test
    void has_the_executable_jar_of_every_service() {
      for (String module : List.of("api", "relay", "consumers")) {
        assertThat(dockerfile)
            .contains("cp " + module + "/target/" + module + "-*-exec.jar /out/" + module + ".jar");
        assertThat(RepositoryFiles.read(module + "/pom.xml"))
            .as(module + " builds an -exec jar")
            .contains("<classifier>exec</classifier>");
        assertThat(script("run")).contains(module + ") jar=/app/" + module + ".jar");
      }
      assertThat(serviceValues()).containsExactlyInAnyOrder("api", "relay", "consumers");
    }

    @Test
    void trusts_the_same_avro_packages_as_the_build() {
      Matcher trusted =
          Pattern.compile("<avro.trusted>([^<]+)</avro.trusted>")
              .matcher(RepositoryFiles.read("pom.xml"));
      assertThat(trusted.find()).isTrue();
      assertThat(script("run")).contains("-D" + trusted.group(1) + " ");
    }

    @Test
    void keeps_build_output_local_data_and_secrets_out_of_the_context() {
      List<String> ignored =
          RepositoryFiles.read(".dockerignore").lines().map(String::strip).toList();
      assertThat(ignored).contains("**/target", ".local-data", ".env", ".git");
    }
  }

  // ------------------------------------------------------------------------------------------
  // docker-compose.yml

  @Nested
  class Compose {

    @Test
    void every_service_builds_from_the_dockerfile_or_names_a_pinned_public_image() {
      services(compose)
          .forEach(
              (name, service) -> {
                if (service.containsKey("build")) {
                  Map<String, Object> build = map(service.get("build"));
                  assertThat(build.get("context")).as(name + " build context").isEqualTo(".");
                  assertThat(build.get("dockerfile"))
                      .as(name + " dockerfile")
                      .isEqualTo("Dockerfile");
                  assertThat(RepositoryFiles.path("Dockerfile")).exists();
                } else {
                  assertThat(string(service.get("image")))
                      .as(name + " image")
                      .matches("[a-z0-9][a-z0-9._/-]*:[A-Za-z0-9][A-Za-z0-9._-]*")
                      .doesNotEndWith(":latest");
                }
              });
    }

    @Test
    void runs_web_auth_relay_and_consumers_from_the_image() {
      Map<String, Map<String, Object>> services = services(compose);
      Map<String, Map<String, String>> apps = new LinkedHashMap<>();
      services.forEach(
          (name, service) -> {
            if (service.containsKey("build")) {
              apps.put(name, environment(service));
            }
          });
      assertThat(apps).containsOnlyKeys("web", "auth", "crm", "relay", "consumers");
      apps.forEach(
          (name, env) -> {
            assertThat(serviceValues()).as(name + " SERVICE").contains(env.get("SERVICE"));
            assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(name + " profile").isEqualTo("prod");
          });
      assertThat(apps.get("web"))
          .containsEntry("SERVICE", "api")
          .containsEntry("SERVICE_ROLE", "web")
          .containsEntry("PORT", "8080")
          .containsEntry("AUTH_SERVICE_URL", "http://auth:3002")
          .containsEntry("CRM_SERVICE_URL", "http://crm:3001");
      assertThat(apps.get("auth"))
          .containsEntry("SERVICE", "api")
          .containsEntry("SERVICE_ROLE", "auth")
          .containsEntry("PORT", "3002");
      assertThat(list(services.get("auth").get("expose"))).containsExactly("3002");
      assertThat(apps.get("crm"))
          .containsEntry("SERVICE", "api")
          .containsEntry("SERVICE_ROLE", "crm")
          .containsEntry("PORT", "3001");
      assertThat(list(services.get("crm").get("expose"))).containsExactly("3001");
      assertThat(apps.get("relay")).containsEntry("SERVICE", "relay");
      assertThat(apps.get("consumers"))
          .containsEntry("SERVICE", "consumers")
          .containsEntry("CONSUMER_EMAIL_ENABLED", "true")
          .containsEntry("CONSUMER_CRM_ENABLED", "true");
      // the web service publishes the port the api listens on
      assertThat(list(services.get("web").get("ports"))).containsExactly("${PORT:-8080}:8080");
    }

    @Test
    void starts_the_servers_the_system_needs() {
      Map<String, Map<String, Object>> services = services(compose);
      Map<String, Object> postgres = services.get("postgres");
      assertThat(string(postgres.get("image"))).startsWith("postgres:16");
      assertThat(list(postgres.get("command"))).contains("wal_level=logical");
      assertThat(string(services.get("kafka").get("image"))).startsWith("apache/kafka:");
      assertThat(environment(services.get("kafka")).get("KAFKA_PROCESS_ROLES"))
          .isEqualTo("broker,controller");
      assertThat(string(services.get("schema-registry").get("image")))
          .startsWith("confluentinc/cp-schema-registry:");
      assertThat(string(services.get("mailpit").get("image"))).startsWith("axllent/mailpit:");
      assertThat(string(services.get("minio").get("image"))).startsWith("minio/minio:");
      assertThat(string(services.get("redis").get("image"))).startsWith("redis:");
    }

    @Test
    void gives_each_service_what_its_prod_profile_requires() {
      services(compose)
          .forEach(
              (name, service) -> {
                if (service.containsKey("build")) {
                  Map<String, String> env = environment(service);
                  assertThat(env.keySet())
                      .as(name + " runs with the prod profile and needs")
                      .containsAll(productionRequired(env.get("SERVICE"), env));
                }
              });
    }

    /**
     * What each server image ships: no health check may call a tool its image lacks (curl is in
     * none of ours).
     */
    @Test
    void health_checks_use_only_tools_their_image_ships() {
      Map<String, String> shippedTool =
          Map.of(
              "postgres",
              "pg_isready",
              "kafka",
              "/opt/kafka/bin/kafka-broker-api-versions.sh",
              // Confluent's UBI-based images ship curl; MinIO's ships its client mc and no curl
              "schema-registry",
              "curl",
              "minio",
              "mc",
              "redis",
              "redis-cli");
      services(compose)
          .forEach(
              (name, service) -> {
                if (!service.containsKey("healthcheck")) {
                  return;
                }
                List<String> test = list(map(service.get("healthcheck")).get("test"));
                String command =
                    "CMD-SHELL".equals(test.get(0)) ? test.get(1).split(" ")[0] : test.get(1);
                assertThat(shippedTool)
                    .as(name + " has a known health check tool")
                    .containsKey(name);
                assertThat(command).as(name + " health check").isEqualTo(shippedTool.get(name));
              });
      assertThat(services(compose).get("minio")).containsKey("healthcheck");
    }

    /**
     * Billing can be switched on for the web service, and its ops page reads the cluster's consumer
     * lag.
     */
    @Test
    void the_web_service_gets_the_stripe_settings_and_kafka_for_the_ops_page() {
      Map<String, String> web = environment(services(compose).get("web"));
      assertThat(web).containsKeys("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_ID");
      assertThat(web.get("STRIPE_SECRET_KEY"))
          .as("empty unless .env sets it: billing stays off")
          .isEqualTo("${STRIPE_SECRET_KEY:-}");
      assertThat(web)
          .containsEntry(
              "KAFKA_BOOTSTRAP_SERVERS",
              environment(services(compose).get("relay")).get("KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void creates_every_topic_of_the_project() {
      String init = String.join("\n", list(services(compose).get("kafka-init").get("command")));
      for (TopicDefinition topic : Topics.all()) {
        assertThat(init)
            .as("kafka-init creates " + topic.name())
            .contains(
                "create "
                    + topic.name()
                    + " "
                    + topic.partitions()
                    + " "
                    + topic.configs().get("retention.ms"));
      }
      Matcher created = Pattern.compile("(?m)^\\s*create (\\S+) ").matcher(init);
      Set<String> names =
          Topics.all().stream().map(TopicDefinition::name).collect(Collectors.toSet());
      while (created.find()) {
        assertThat(names)
            .as("kafka-init creates only topics of Topics.java")
            .contains(created.group(1));
      }
    }

    @Test
    void depends_only_on_services_it_defines() {
      Map<String, Map<String, Object>> services = services(compose);
      services.forEach(
          (name, service) -> {
            if (service.containsKey("depends_on")) {
              assertThat(services)
                  .as(name + " depends_on")
                  .containsKeys(map(service.get("depends_on")).keySet().toArray(String[]::new));
            }
          });
    }

    @Test
    void names_only_variables_env_example_lists() {
      Set<String> names = new TreeSet<>();
      services(compose)
          .forEach(
              (name, service) -> {
                if (service.containsKey("build")) {
                  names.addAll(environment(service).keySet());
                }
              });
      // ${NAME} interpolations come from the user's .env ($${NAME} is escaped for the container's
      // shell)
      Matcher interpolation =
          Pattern.compile("(?<!\\$)\\$\\{(" + RepositoryFiles.NAME + ")")
              .matcher(RepositoryFiles.read("docker-compose.yml"));
      while (interpolation.find()) {
        names.add(interpolation.group(1));
      }
      names.removeIf(envExample::lists);
      assertThat(names).as("docker-compose.yml variables missing from .env.example").isEmpty();
    }
  }

  // ------------------------------------------------------------------------------------------
  // render.yaml

  @Nested
  class Render {

    @Test
    void every_service_builds_from_the_dockerfile() {
      for (Map<String, Object> service : renderServices()) {
        String name = string(service.get("name"));
        assertThat(service.get("type"))
            .as(name + " type")
            .isIn("web", "pserv", "worker", "cron", "keyvalue");
        if ("keyvalue".equals(service.get("type"))) {
          assertThat(service).as(name + " needs an ipAllowList").containsKey("ipAllowList");
          continue;
        }
        assertThat(service.get("runtime")).as(name + " runtime").isEqualTo("docker");
        assertThat(service.get("dockerfilePath"))
            .as(name + " dockerfilePath")
            .isEqualTo("./Dockerfile");
        assertThat(service.get("dockerContext")).as(name + " dockerContext").isEqualTo(".");
        assertThat(serviceValues())
            .as(name + " SERVICE")
            .contains(renderEnv(service).get("SERVICE"));
      }
    }

    @Test
    void declares_the_services_of_the_system() {
      Map<String, Map<String, Object>> services = renderServicesByName();
      assertThat(services.get("digitaltowns-web"))
          .containsEntry("type", "web")
          .containsEntry("healthCheckPath", "/health");
      assertThat(apiServesHealth()).isTrue();
      assertThat(services.get("digitaltowns-auth")).containsEntry("type", "pserv");
      assertThat(renderEnv(services.get("digitaltowns-auth")))
          .containsEntry("SERVICE", "api")
          .containsEntry("SERVICE_ROLE", "auth")
          .containsEntry("PORT", "3002");
      assertThat(services.get("digitaltowns-crm")).containsEntry("type", "pserv");
      assertThat(renderEnv(services.get("digitaltowns-crm")))
          .containsEntry("SERVICE", "api")
          .containsEntry("SERVICE_ROLE", "crm")
          .containsEntry("PORT", "3001");
      for (String worker :
          List.of(
              "digitaltowns-relay",
              "digitaltowns-email",
              "digitaltowns-crm-read-model",
              "digitaltowns-crm-sync",
              "digitaltowns-analytics",
              "digitaltowns-backup")) {
        assertThat(services.get(worker)).as(worker).containsEntry("type", "worker");
      }
      assertThat(renderEnv(services.get("digitaltowns-relay"))).containsEntry("SERVICE", "relay");
      // the backup worker archives the topics and takes the nightly snapshot itself
      // (docs/backup.md): no cron job
      assertThat(renderEnv(services.get("digitaltowns-backup")))
          .containsEntry("SERVICE", "consumers")
          .containsEntry("CONSUMER_BACKUP_ENABLED", "true");
      assertThat(renderEnvDefinitions(services.get("digitaltowns-backup")))
          .containsKeys("B2_ENDPOINT", "B2_REGION", "B2_BUCKET", "B2_KEY_ID", "B2_APP_KEY");
      assertThat(services.values()).noneMatch(service -> "cron".equals(service.get("type")));
      assertThat(services.values()).anyMatch(service -> "keyvalue".equals(service.get("type")));
      List<Map<String, Object>> databases = maps(render.get("databases"));
      assertThat(databases).hasSize(1);
      assertThat(databases.get(0)).containsEntry("postgresMajorVersion", "16");
    }

    @Test
    void web_forwards_accounts_to_the_auth_service() {
      Map<String, Object> authUrl =
          renderEnvDefinitions(renderServicesByName().get("digitaltowns-web"))
              .get("AUTH_SERVICE_URL");
      assertThat(map(authUrl.get("fromService")))
          .containsEntry("name", "digitaltowns-auth")
          .containsEntry("type", "pserv")
          .containsEntry("property", "hostport");
      // Render's hostport has no scheme: the image's start script adds it
      assertThat(script("run")).contains("AUTH_SERVICE_URL=\"http://$AUTH_SERVICE_URL\"");
    }

    @Test
    void web_forwards_the_crm_to_the_crm_service() {
      Map<String, Object> crmUrl =
          renderEnvDefinitions(renderServicesByName().get("digitaltowns-web"))
              .get("CRM_SERVICE_URL");
      assertThat(map(crmUrl.get("fromService")))
          .containsEntry("name", "digitaltowns-crm")
          .containsEntry("type", "pserv")
          .containsEntry("property", "hostport");
      assertThat(script("run")).contains("CRM_SERVICE_URL=\"http://$CRM_SERVICE_URL\"");
      assertThat(renderEnv(renderServicesByName().get("digitaltowns-crm-read-model")))
          .containsEntry("CONSUMER_CRM_ENABLED", "true");
    }

    @Test
    void every_service_runs_the_prod_profile() {
      for (Map<String, Object> service : renderServices()) {
        if (!"keyvalue".equals(service.get("type"))) {
          assertThat(renderEnv(service))
              .as(service.get("name") + "")
              .containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        }
      }
    }

    @Test
    void gives_each_service_what_its_prod_profile_requires() {
      for (Map<String, Object> service : renderServices()) {
        if ("keyvalue".equals(service.get("type"))) {
          continue;
        }
        assertThat(renderEnvDefinitions(service).keySet())
            .as(service.get("name") + " runs with the prod profile and needs")
            .containsAll(productionRequired(renderEnv(service).get("SERVICE"), renderEnv(service)));
      }
    }

    @Test
    void values_are_strings() {
      for (Map<String, Object> service : renderServices()) {
        renderEnvDefinitions(service)
            .forEach(
                (key, definition) -> {
                  if (definition.containsKey("value")) {
                    assertThat(definition.get("value"))
                        .as(service.get("name") + " " + key + " (quote numbers and booleans)")
                        .isInstanceOf(String.class);
                  }
                });
      }
    }

    @Test
    void secrets_are_prompted_generated_or_referenced_never_written_down() {
      List<String> problems = new ArrayList<>();
      for (Map<String, Object> service : renderServices()) {
        renderEnvDefinitions(service)
            .forEach(
                (key, definition) -> {
                  boolean sourced =
                      Boolean.FALSE.equals(definition.get("sync"))
                          || Boolean.TRUE.equals(definition.get("generateValue"))
                          || definition.containsKey("fromService")
                          || definition.containsKey("fromDatabase");
                  if (isSecret(key) && (definition.containsKey("value") || !sourced)) {
                    problems.add(service.get("name") + " " + key);
                  }
                  if (definition.containsKey("sync")
                      && !Boolean.FALSE.equals(definition.get("sync"))) {
                    problems.add(service.get("name") + " " + key + " has sync other than false");
                  }
                });
      }
      assertThat(problems)
          .as("secrets must be sync: false, generateValue: true, fromService or fromDatabase")
          .isEmpty();
    }

    @Test
    void one_generated_jwt_and_link_secret_shared_by_every_service_that_needs_it() {
      for (String secret : List.of("JWT_SECRET", "EMAIL_LINK_SECRET")) {
        List<String> owners = new ArrayList<>();
        for (Map<String, Object> service : renderServices()) {
          Map<String, Object> definition = renderEnvDefinitions(service).get(secret);
          if (definition != null && Boolean.TRUE.equals(definition.get("generateValue"))) {
            owners.add(string(service.get("name")));
          }
        }
        assertThat(owners).as(secret + " is generated once").containsExactly("digitaltowns-web");
      }
      for (Map<String, Object> service : renderServices()) {
        Map<String, String> env = renderEnv(service);
        // the api does not start without both; the consumers' email group does not start without
        // the link key
        if ("api".equals(env.get("SERVICE"))) {
          assertThat(renderEnvDefinitions(service))
              .as(service.get("name") + "")
              .containsKeys("JWT_SECRET", "EMAIL_LINK_SECRET");
        }
        if ("consumers".equals(env.get("SERVICE"))
            && "true".equals(env.get("CONSUMER_EMAIL_ENABLED"))) {
          assertThat(renderEnvDefinitions(service))
              .as(service.get("name") + "")
              .containsKey("EMAIL_LINK_SECRET");
        }
      }
    }

    @Test
    void references_point_at_what_the_blueprint_defines() {
      Map<String, Map<String, Object>> services = renderServicesByName();
      Set<String> databases =
          maps(render.get("databases")).stream()
              .map(db -> string(db.get("name")))
              .collect(Collectors.toSet());
      List<String> problems = new ArrayList<>();
      for (Map<String, Object> service : renderServices()) {
        renderEnvDefinitions(service)
            .forEach(
                (key, definition) -> {
                  String where = service.get("name") + " " + key;
                  if (definition.containsKey("fromDatabase")) {
                    Map<String, Object> from = map(definition.get("fromDatabase"));
                    if (!databases.contains(string(from.get("name")))) {
                      problems.add(where + ": no database " + from.get("name"));
                    }
                    if (!Set.of("connectionString", "user", "password", "database", "host", "port")
                        .contains(string(from.get("property")))) {
                      problems.add(where + ": database property " + from.get("property"));
                    }
                  }
                  if (definition.containsKey("fromService")) {
                    Map<String, Object> from = map(definition.get("fromService"));
                    Map<String, Object> target = services.get(string(from.get("name")));
                    if (target == null || !target.get("type").equals(from.get("type"))) {
                      problems.add(
                          where + ": no " + from.get("type") + " named " + from.get("name"));
                    } else if (from.containsKey("envVarKey")) {
                      Map<String, Object> owned =
                          renderEnvDefinitions(target).get(string(from.get("envVarKey")));
                      if (owned == null || owned.containsKey("fromService")) {
                        problems.add(
                            where
                                + ": "
                                + from.get("name")
                                + " does not define "
                                + from.get("envVarKey")
                                + " itself");
                      }
                    } else {
                      Set<String> properties =
                          "keyvalue".equals(target.get("type"))
                              ? Set.of("connectionString")
                              : Set.of("host", "port", "hostport");
                      if (!properties.contains(string(from.get("property")))) {
                        problems.add(
                            where
                                + ": property "
                                + from.get("property")
                                + " of a "
                                + target.get("type"));
                      }
                    }
                  }
                });
      }
      assertThat(problems).isEmpty();
    }

    @Test
    void consumer_workers_run_exactly_one_group() {
      for (Map<String, Object> service : renderServices()) {
        Map<String, String> env = renderEnv(service);
        if ("worker".equals(service.get("type")) && "consumers".equals(env.get("SERVICE"))) {
          List<String> enabled =
              env.entrySet().stream()
                  .filter(
                      entry ->
                          entry.getKey().matches("CONSUMER_[A-Z_]+_ENABLED")
                              && "true".equals(entry.getValue()))
                  .map(Map.Entry::getKey)
                  .toList();
          assertThat(enabled).as(service.get("name") + " enables one group").hasSize(1);
          // CONSUMER_EMAIL_ENABLED defaults to true: every other worker must switch the email group
          // off
          assertThat(env).as(service.get("name") + "").containsKey("CONSUMER_EMAIL_ENABLED");
        }
      }
    }

    /**
     * Issue 19: the ops page's consumer-lag panel said "Kafka not configured" in production: the
     * web service had no KAFKA_* variables. It takes every variable the api's ops settings read
     * from the relay, which owns them.
     */
    @Test
    void the_web_service_reads_consumer_lag_from_the_relays_kafka() {
      Matcher placeholder = Pattern.compile("\\$\\{(KAFKA_[A-Z_]+):").matcher(opsSection());
      Set<String> opsVariables = new TreeSet<>();
      while (placeholder.find()) {
        opsVariables.add(placeholder.group(1));
      }
      assertThat(opsVariables)
          .contains(
              "KAFKA_BOOTSTRAP_SERVERS",
              "KAFKA_SECURITY_PROTOCOL",
              "KAFKA_SASL_MECHANISM",
              "KAFKA_SASL_JAAS_CONFIG");
      Map<String, Map<String, Object>> web =
          renderEnvDefinitions(renderServicesByName().get("digitaltowns-web"));
      for (String variable : opsVariables) {
        assertThat(web).as("digitaltowns-web " + variable).containsKey(variable);
        assertThat(map(web.get(variable).get("fromService")))
            .as("digitaltowns-web " + variable)
            .containsEntry("name", "digitaltowns-relay")
            .containsEntry("envVarKey", variable);
      }
    }

    /** The api.yml lines of {@code digitaltowns.ops}, where the ops page's settings are read. */
    private static String opsSection() {
      String apiYml = RepositoryFiles.read("api/src/main/resources/api.yml");
      int start = apiYml.indexOf("\n  ops:\n");
      assertThat(start).as("api.yml has digitaltowns.ops").isPositive();
      Matcher nextSection = Pattern.compile("\n(  )?[a-z]").matcher(apiYml);
      return apiYml.substring(
          start, nextSection.find(start + 8) ? nextSection.start() : apiYml.length());
    }

    /**
     * Issue 19: a worker of another group carried the email group's settings only because the jar
     * demanded them.
     */
    @Test
    void consumer_workers_with_the_email_group_off_carry_no_email_settings() {
      Set<String> emailOnly =
          RepositoryFiles.productionRequired(
              "consumers/src/main/resources/consumers.yml",
              Map.of("CONSUMER_EMAIL_ENABLED", "true"));
      emailOnly.removeAll(
          RepositoryFiles.productionRequired(
              "consumers/src/main/resources/consumers.yml",
              Map.of("CONSUMER_EMAIL_ENABLED", "false")));
      assertThat(emailOnly)
          .containsExactlyInAnyOrder("EMAIL_LINK_SECRET", "PUBLIC_BASE_URL", "SMTP_HOST");
      List<String> workers = new ArrayList<>();
      for (Map<String, Object> service : renderServices()) {
        Map<String, String> env = renderEnv(service);
        if ("consumers".equals(env.get("SERVICE"))
            && "false".equals(env.get("CONSUMER_EMAIL_ENABLED"))) {
          workers.add(string(service.get("name")));
          assertThat(renderEnvDefinitions(service).keySet())
              .as(service.get("name") + " runs no email group")
              .doesNotContainAnyElementsOf(emailOnly);
        }
      }
      assertThat(workers)
          .contains("digitaltowns-backup", "digitaltowns-analytics", "digitaltowns-crm-sync");
    }

    @Test
    void names_only_variables_env_example_lists() {
      Set<String> names = new TreeSet<>();
      renderServices().forEach(service -> names.addAll(renderEnvDefinitions(service).keySet()));
      names.removeIf(envExample::lists);
      assertThat(names).as("render.yaml variables missing from .env.example").isEmpty();
    }
  }

  // ------------------------------------------------------------------------------------------
  // helpers

  /**
   * What the service a SERVICE value starts, with these variables, refuses to start without under
   * the prod profile.
   */
  private static Set<String> productionRequired(String service, Map<String, String> env) {
    return RepositoryFiles.productionRequired(
        switch (service) {
          case "api" -> "api/src/main/resources/api.yml";
          case "relay" -> "relay/src/main/resources/relay.yml";
          case "consumers" -> "consumers/src/main/resources/consumers.yml";
          default -> throw new IllegalArgumentException("unknown SERVICE " + service);
        },
        env);
  }

  /** The SERVICE values the image's start script starts a jar for. */
  private static Set<String> serviceValues() {
    Matcher label = Pattern.compile("(?m)^\\s*(\\w+)\\) jar=").matcher(script("run"));
    Set<String> values = new TreeSet<>();
    while (label.find()) {
      values.add(label.group(1));
    }
    return values;
  }

  /** A script the Dockerfile writes with a heredoc to /app/bin/NAME. */
  private static String script(String name) {
    Matcher heredoc =
        Pattern.compile(
                "COPY --chmod=0755 <<'EOF' /app/bin/" + name + "\n(.*?)\nEOF\n", Pattern.DOTALL)
            .matcher(dockerfile);
    assertThat(heredoc.find()).as("the Dockerfile writes /app/bin/" + name).isTrue();
    return heredoc.group(1);
  }

  private static boolean apiServesHealth() {
    try {
      Class<?> controller = Class.forName("io.digitaltowns.api.health.HealthController");
      for (Method method : controller.getMethods()) {
        GetMapping mapping = method.getAnnotation(GetMapping.class);
        if (mapping != null
            && (Arrays.asList(mapping.value()).contains("/health")
                || Arrays.asList(mapping.path()).contains("/health"))) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static Map<String, Object> yaml(String relative) {
    assertThat(Files.isRegularFile(RepositoryFiles.path(relative)))
        .as(relative + " exists")
        .isTrue();
    Object document =
        new Yaml(new SafeConstructor(new LoaderOptions())).load(RepositoryFiles.read(relative));
    return map(document);
  }

  private static Map<String, Map<String, Object>> services(Map<String, Object> composeFile) {
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    map(composeFile.get("services")).forEach((name, service) -> services.put(name, map(service)));
    return services;
  }

  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object environment = service.get("environment");
    if (environment instanceof Map<?, ?> entries) {
      entries.forEach(
          (key, value) -> env.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
    } else if (environment instanceof List<?> entries) {
      entries.forEach(
          entry -> {
            String[] parts = String.valueOf(entry).split("=", 2);
            env.put(parts[0], parts.length > 1 ? parts[1] : "");
          });
    }
    return env;
  }

  private static List<Map<String, Object>> renderServices() {
    return maps(render.get("services"));
  }

  private static Map<String, Map<String, Object>> renderServicesByName() {
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    renderServices().forEach(service -> byName.put(string(service.get("name")), service));
    return byName;
  }

  /** Each variable's definition (value, sync, generateValue, fromService, fromDatabase) by key. */
  private static Map<String, Map<String, Object>> renderEnvDefinitions(
      Map<String, Object> service) {
    Map<String, Map<String, Object>> definitions = new LinkedHashMap<>();
    if (service.get("envVars") != null) {
      for (Map<String, Object> definition : maps(service.get("envVars"))) {
        String key = string(definition.get("key"));
        assertThat(definitions.put(key, definition))
            .as(service.get("name") + " defines " + key + " twice")
            .isNull();
      }
    }
    return definitions;
  }

  /** The literal values ({@code value:}) of a service's variables. */
  private static Map<String, String> renderEnv(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    renderEnvDefinitions(service)
        .forEach(
            (key, definition) -> {
              if (definition.containsKey("value")) {
                env.put(key, String.valueOf(definition.get("value")));
              }
            });
    return env;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static List<Map<String, Object>> maps(Object value) {
    return list(value).stream().map(DeploymentFilesTest::map).toList();
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<T>) value;
  }

  private static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
