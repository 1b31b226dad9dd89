package io.digitaltowns.events.wire;

import io.digitaltowns.platform.diagnostics.Redacted;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the schema registry is: the local stack's endpoint, or a Confluent-compatible registry in
 * production (Confluent Cloud, Karapace, Apicurio, Redpanda), with basic-auth API credentials.
 */
@ConfigurationProperties("digitaltowns.schema-registry")
public record SchemaRegistryProperties(String url, String username, String password) {

  public SchemaRegistryClient client() {
    return new SchemaRegistryClient(url, username, password);
  }

  @Override
  public String toString() {
    return Redacted.toString(this, "password");
  }
}
