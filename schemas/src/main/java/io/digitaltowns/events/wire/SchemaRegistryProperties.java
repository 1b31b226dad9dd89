package io.digitaltowns.events.wire;

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
}
