package io.digitaltowns.api;

import io.digitaltowns.infra.LocalStack;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points an api under test at the real servers shared by every test in this JVM. */
public final class ApiTestServers {

  private ApiTestServers() {
  }

  public static void register(DynamicPropertyRegistry registry) {
    LocalStack stack = LocalStack.shared();
    registry.add("spring.datasource.url", stack::jdbcUrl);
    registry.add("spring.datasource.username", stack::databaseUser);
    registry.add("spring.datasource.password", stack::databasePassword);
    registry.add("digitaltowns.schema-registry.url", stack::schemaRegistryUrl);
    registry.add("digitaltowns.passwords.bcrypt-strength", () -> 4);
  }
}
