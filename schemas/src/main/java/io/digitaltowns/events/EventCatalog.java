package io.digitaltowns.events;

import io.digitaltowns.events.accounts.EmailVerificationRequested;
import io.digitaltowns.events.accounts.EmailVerified;
import io.digitaltowns.events.accounts.PasswordChanged;
import io.digitaltowns.events.accounts.PasswordResetRequested;
import io.digitaltowns.events.accounts.UserDeleted;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.accounts.UserReinstated;
import io.digitaltowns.events.accounts.UserRoleChanged;
import io.digitaltowns.events.accounts.UserSignedIn;
import io.digitaltowns.events.accounts.UserSuspended;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.events.wire.SubjectNaming;
import java.util.List;
import org.apache.avro.Schema;

/** Every event type the system publishes. Registered at start so that a broken schema fails fast. */
public final class EventCatalog {

  private static final List<Schema> SCHEMAS = List.of(
      UserRegistered.getClassSchema(),
      EmailVerificationRequested.getClassSchema(),
      EmailVerified.getClassSchema(),
      PasswordResetRequested.getClassSchema(),
      PasswordChanged.getClassSchema(),
      UserSignedIn.getClassSchema(),
      UserRoleChanged.getClassSchema(),
      UserSuspended.getClassSchema(),
      UserReinstated.getClassSchema(),
      UserDeleted.getClassSchema());

  private EventCatalog() {
  }

  public static List<Schema> schemas() {
    return SCHEMAS;
  }

  /** Registers every schema; the registry refuses (409) a version that breaks compatibility. */
  public static void registerAll(SchemaRegistryClient registry) {
    SCHEMAS.forEach(schema -> registry.register(SubjectNaming.subjectFor(schema), schema));
  }
}
