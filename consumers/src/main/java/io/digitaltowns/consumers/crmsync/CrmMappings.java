package io.digitaltowns.consumers.crmsync;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sync's local state in the consumers schema: user → HubSpot contact, business → HubSpot
 * company, and the users who were erased. Written in the transaction of the event being handled.
 */
@Component
class CrmMappings {

  private final JdbcClient jdbc;

  CrmMappings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> contactOf(String userId) {
    return jdbc.sql("SELECT hubspot_contact_id FROM consumers.crm_contacts WHERE user_id = :userId")
        .param("userId", userId)
        .query(String.class)
        .optional();
  }

  void contact(String userId, String contactId) {
    jdbc.sql(
            """
            INSERT INTO consumers.crm_contacts (user_id, hubspot_contact_id, synced_at) VALUES (:userId, :contactId, now())
            ON CONFLICT (user_id) DO UPDATE SET hubspot_contact_id = EXCLUDED.hubspot_contact_id, synced_at = now()
            """)
        .param("userId", userId)
        .param("contactId", contactId)
        .update();
  }

  Optional<String> companyOf(String businessId) {
    return jdbc.sql(
            "SELECT hubspot_company_id FROM consumers.crm_companies WHERE business_id = :businessId")
        .param("businessId", businessId)
        .query(String.class)
        .optional();
  }

  void company(String businessId, String companyId) {
    jdbc.sql(
            """
            INSERT INTO consumers.crm_companies (business_id, hubspot_company_id, synced_at) VALUES (:businessId, :companyId, now())
            ON CONFLICT (business_id) DO UPDATE SET hubspot_company_id = EXCLUDED.hubspot_company_id, synced_at = now()
            """)
        .param("businessId", businessId)
        .param("companyId", companyId)
        .update();
  }

  boolean isErased(String userId) {
    return userId != null
        && !userId.isBlank()
        && jdbc.sql("SELECT count(*) FROM consumers.crm_erased_users WHERE user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single()
            > 0;
  }

  /** Records the erasure and forgets the user's contact; returns the contact id it had, if any. */
  Optional<String> erase(String userId) {
    jdbc.sql(
            "INSERT INTO consumers.crm_erased_users (user_id, erased_at) VALUES (:userId, now()) ON CONFLICT DO NOTHING")
        .param("userId", userId)
        .update();
    Optional<String> contact = contactOf(userId);
    jdbc.sql("DELETE FROM consumers.crm_contacts WHERE user_id = :userId")
        .param("userId", userId)
        .update();
    return contact;
  }
}
