package io.digitaltowns.api.businesses.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.events.accounts.UserDeleted;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deletion's event names what the consumers' clean-up reactions must remove outside the database
 * (issue 16, finding 7): the photos' object keys and the Stripe subscriptions still running.
 * Deleting an account deletes each of its listings with its own event first, instead of letting the
 * user's row cascade over them unannounced.
 */
class DeletionEventsTest extends ApiHttpTest {

  @Autowired SchemaRegistryClient schemaRegistry;

  private Member admin;
  private Member owner;
  private UUID townId;

  @BeforeEach
  void townWithAnOwner() {
    admin = admin();
    owner = registerAndSignIn("leaving-owner");
    townId =
        createTown(admin, "gone-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
  }

  @Test
  void a_deleted_listing_names_its_photo_objects_and_its_running_subscriptions() {
    UUID id = create("Closing Bakery");
    String attached = photo(id, "ATTACHED", 0);
    String pending = photo(id, "PENDING", null);
    subscriptions(id, "sub_running_" + id, "sub_over_" + id);

    assertThat(delete("/api/businesses/" + id, owner.accessToken()).statusCode()).isEqualTo(204);

    BusinessDeleted deleted = (BusinessDeleted) newest(id, "BusinessDeleted");
    assertThat(deleted.getPhotoObjectKeys()).containsExactlyInAnyOrder(attached, pending);
    assertThat(deleted.getStripeSubscriptionIds()).containsExactly("sub_running_" + id);
    assertThat(deleted.getWithAccount()).isFalse();
  }

  @Test
  void deleting_an_account_deletes_each_of_its_listings_with_its_own_event_before_the_account() {
    UUID first = create("First Shop");
    UUID second = create("Second Shop");
    String photo = photo(second, "ATTACHED", 0);
    subscriptions(first, "sub_of_first_" + first, null);

    assertThat(delete("/api/me", owner.accessToken()).statusCode()).isEqualTo(204);

    BusinessDeleted firstDeleted = (BusinessDeleted) newest(first, "BusinessDeleted");
    BusinessDeleted secondDeleted = (BusinessDeleted) newest(second, "BusinessDeleted");
    assertThat(firstDeleted.getWithAccount()).isTrue();
    assertThat(firstDeleted.getStripeSubscriptionIds()).containsExactly("sub_of_first_" + first);
    assertThat(secondDeleted.getPhotoObjectKeys()).containsExactly(photo);
    UserDeleted userDeleted = (UserDeleted) newest(owner.id(), "UserDeleted");
    assertThat(userDeleted.getBusinessIds())
        .containsExactlyInAnyOrder(first.toString(), second.toString());
    assertThat(
            jdbc.sql("SELECT count(*) FROM businesses WHERE owner_id = :id")
                .param("id", owner.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  private UUID create(String name) {
    ObjectNode listing =
        json()
            .put("townId", townId.toString())
            .put("name", name)
            .put("category", "BAKERY")
            .put("description", "A friendly local business");
    HttpResponse<String> created = post("/api/businesses", owner.accessToken(), listing);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return UUID.fromString(read(created).get("id").asText());
  }

  /** A photo row as the photos part leaves it (the object itself is not needed to name it). */
  private String photo(UUID businessId, String status, Integer position) {
    String key = "businesses/" + businessId + "/photos/" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO business_photos (id, business_id, object_key, content_type, size_bytes, status, position,
              expires_at, attached_at)
            VALUES (:id, :business, :key, 'image/jpeg', 1234, :status, :position,
              CASE WHEN :status = 'PENDING' THEN now() + interval '10 minutes' END,
              CASE WHEN :status = 'ATTACHED' THEN now() END)
            """)
        .param("id", UUID.randomUUID())
        .param("business", businessId)
        .param("key", key)
        .param("status", status)
        .param("position", position)
        .update();
    return key;
  }

  /**
   * Billing rows as the ledger leaves them: one subscription active, optionally an older one
   * canceled.
   */
  private void subscriptions(UUID businessId, String running, String over) {
    String customer = "cus_" + businessId;
    jdbc.sql(
            """
            INSERT INTO business_billing (business_id, stripe_customer_id, subscription_id, status)
            VALUES (:business, :customer, :subscription, 'active')
            """)
        .param("business", businessId)
        .param("customer", customer)
        .param("subscription", running)
        .update();
    jdbc.sql(
            """
            INSERT INTO billing_subscriptions (subscription_id, business_id, customer_id, status)
            VALUES (:subscription, :business, :customer, 'active')
            """)
        .param("business", businessId)
        .param("customer", customer)
        .param("subscription", running)
        .update();
    if (over != null) {
      jdbc.sql(
              """
              INSERT INTO billing_subscriptions (subscription_id, business_id, customer_id, status)
              VALUES (:subscription, :business, :customer, 'canceled')
              """)
          .param("business", businessId)
          .param("customer", customer)
          .param("subscription", over)
          .update();
    }
  }

  private Object newest(UUID aggregateId, String type) {
    byte[] payload =
        jdbc.sql(
                """
            SELECT payload FROM outbox WHERE aggregate_id = :id AND event_type = :type ORDER BY occurred_at DESC LIMIT 1
            """)
            .param("id", aggregateId.toString())
            .param("type", type)
            .query(byte[].class)
            .single();
    return new AvroEventDeserializer(schemaRegistry).deserialize(payload);
  }
}
