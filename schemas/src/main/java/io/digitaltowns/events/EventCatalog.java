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
import io.digitaltowns.events.businesses.BusinessApproved;
import io.digitaltowns.events.businesses.BusinessContacted;
import io.digitaltowns.events.businesses.BusinessCreated;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.businesses.BusinessPhotoAdded;
import io.digitaltowns.events.businesses.BusinessPhotoRemoved;
import io.digitaltowns.events.businesses.BusinessRejected;
import io.digitaltowns.events.businesses.BusinessSubmitted;
import io.digitaltowns.events.businesses.BusinessUnpublished;
import io.digitaltowns.events.businesses.BusinessUpdated;
import io.digitaltowns.events.billing.PaymentFailed;
import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionCanceled;
import io.digitaltowns.events.billing.SubscriptionEnded;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import io.digitaltowns.events.crm.CrmNoteAdded;
import io.digitaltowns.events.stripe.StripeEventReceived;
import io.digitaltowns.events.towns.TownCreated;
import io.digitaltowns.events.towns.TownUpdated;
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
      UserDeleted.getClassSchema(),
      TownCreated.getClassSchema(),
      TownUpdated.getClassSchema(),
      BusinessCreated.getClassSchema(),
      BusinessUpdated.getClassSchema(),
      BusinessSubmitted.getClassSchema(),
      BusinessApproved.getClassSchema(),
      BusinessRejected.getClassSchema(),
      BusinessUnpublished.getClassSchema(),
      BusinessDeleted.getClassSchema(),
      BusinessPhotoAdded.getClassSchema(),
      BusinessPhotoRemoved.getClassSchema(),
      BusinessContacted.getClassSchema(),
      StripeEventReceived.getClassSchema(),
      SubscriptionActivated.getClassSchema(),
      SubscriptionRenewed.getClassSchema(),
      PaymentFailed.getClassSchema(),
      SubscriptionCanceled.getClassSchema(),
      SubscriptionEnded.getClassSchema(),
      CrmNoteAdded.getClassSchema());

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
