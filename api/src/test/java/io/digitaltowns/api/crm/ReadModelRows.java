package io.digitaltowns.api.crm;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of the CRM read model as the consumers' crm group writes them (its projection is tested in
 * the consumers module; end to end in the stack module). The api only reads them.
 */
public final class ReadModelRows {

  private final JdbcClient jdbc;

  public ReadModelRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void company(
      String businessId,
      String name,
      String status,
      String ownerId,
      String ownerName,
      String ownerEmail,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO consumers.crm_view_companies (business_id, town_id, name, category, status, owner_id, owner_name,
              owner_email, created_at, updated_at)
            VALUES (:id, :town, :name, 'BAKERY', :status, :ownerId, :ownerName, :ownerEmail, :at, :at)
            """)
        .param("id", businessId)
        .param("town", UUID.randomUUID().toString())
        .param("name", name)
        .param("status", status)
        .param("ownerId", ownerId)
        .param("ownerName", ownerName)
        .param("ownerEmail", ownerEmail)
        .param("at", Timestamp.from(at))
        .update();
  }

  public void contact(String userId, String email, String name, Instant at) {
    jdbc.sql(
            """
            INSERT INTO consumers.crm_view_contacts (user_id, email, display_name, signup_method, registered_at, updated_at)
            VALUES (:id, :email, :name, 'PASSWORD', :at, :at)
            """)
        .param("id", userId)
        .param("email", email)
        .param("name", name)
        .param("at", Timestamp.from(at))
        .update();
  }

  public void deal(
      String subscriptionId, String businessId, String status, long revenue, Instant at) {
    jdbc.sql(
            """
            INSERT INTO consumers.crm_view_deals (subscription_id, business_id, customer_id, status, revenue_minor, currency,
              started_at, updated_at)
            VALUES (:id, :businessId, 'cus_1', :status, :revenue, 'eur', :at, :at)
            """)
        .param("id", subscriptionId)
        .param("businessId", businessId)
        .param("status", status)
        .param("revenue", revenue)
        .param("at", Timestamp.from(at))
        .update();
  }

  public void activity(
      String businessId, String userId, String kind, String summary, String detail, Instant at) {
    jdbc.sql(
            """
            INSERT INTO consumers.crm_view_activities (event_id, business_id, user_id, kind, occurred_at, summary, detail)
            VALUES (:id, :businessId, :userId, :kind, :at, :summary, :detail)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("businessId", businessId)
        .param("userId", userId)
        .param("kind", kind)
        .param("at", Timestamp.from(at))
        .param("summary", summary)
        .param("detail", detail)
        .update();
  }
}
