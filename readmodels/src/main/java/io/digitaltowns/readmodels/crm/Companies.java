package io.digitaltowns.readmodels.crm;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The CRM's companies (businesses): their latest name, category, status and owner. */
@Component
public class Companies {

  private final JdbcClient jdbc;
  private final ErasedUsers erased;

  public Companies(JdbcClient jdbc, ErasedUsers erased) {
    this.jdbc = jdbc;
    this.erased = erased;
  }

  /** The listing as an event describes it; an erased owner's name and address are left out. */
  public record Listing(
      String businessId,
      String townId,
      String name,
      String category,
      String ownerId,
      String ownerName,
      String ownerEmail) {}

  public void upsert(Listing listing, String status, Instant at) {
    boolean ownerErased = erased.contains(listing.ownerId());
    jdbc.sql(
            """
            INSERT INTO consumers.crm_view_companies (business_id, town_id, name, category, status, owner_id, owner_name,
              owner_email, created_at, updated_at)
            VALUES (:businessId, :townId, :name, :category, :status, :ownerId, :ownerName, :ownerEmail, :at, :at)
            ON CONFLICT (business_id) DO UPDATE SET
              town_id = coalesce(EXCLUDED.town_id, crm_view_companies.town_id),
              name = EXCLUDED.name,
              category = coalesce(EXCLUDED.category, crm_view_companies.category),
              status = EXCLUDED.status,
              owner_id = coalesce(EXCLUDED.owner_id, crm_view_companies.owner_id),
              owner_name = coalesce(EXCLUDED.owner_name, crm_view_companies.owner_name),
              owner_email = coalesce(EXCLUDED.owner_email, crm_view_companies.owner_email),
              updated_at = EXCLUDED.updated_at
            """)
        .param("businessId", listing.businessId())
        .param("townId", listing.townId())
        .param("name", listing.name())
        .param("category", listing.category())
        .param("status", status)
        .param("ownerId", listing.ownerId())
        .param("ownerName", ownerErased ? null : listing.ownerName())
        .param("ownerEmail", ownerErased ? null : listing.ownerEmail())
        .param("at", Timestamps.of(at))
        .update();
  }

  /** For events that carry no name (a deletion): only a company already known changes. */
  public void status(String businessId, String status, Instant at) {
    jdbc.sql(
            "UPDATE consumers.crm_view_companies SET status = :status, updated_at = :at WHERE business_id = :businessId")
        .param("businessId", businessId)
        .param("status", status)
        .param("at", Timestamps.of(at))
        .update();
  }
}
