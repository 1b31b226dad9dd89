package io.digitaltowns.ops.connection;

import io.digitaltowns.events.wire.SchemaRegistryClient;
import picocli.CommandLine.Option;

/** Where the Confluent-compatible schema registry is, to decode event values. */
public class RegistryOptions {

  @Option(
      names = "--schema-registry-url",
      paramLabel = "<url>",
      defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://localhost:8081}",
      description = "Schema registry URL (env SCHEMA_REGISTRY_URL, default ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--schema-registry-user",
      paramLabel = "<key>",
      defaultValue = "${env:SCHEMA_REGISTRY_USER}",
      description = "Registry basic-auth user / API key (env SCHEMA_REGISTRY_USER).")
  String user;

  @Option(
      names = "--schema-registry-password",
      paramLabel = "<secret>",
      defaultValue = "${env:SCHEMA_REGISTRY_PASSWORD}",
      description = "Registry basic-auth password / API secret (env SCHEMA_REGISTRY_PASSWORD).")
  String password;

  public SchemaRegistryClient client() {
    return new SchemaRegistryClient(url, user, password);
  }
}
