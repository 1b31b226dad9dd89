package io.digitaltowns.consumers.crmsync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Contacts and companies as the handlers put them into HubSpot: upserted by a key HubSpot keeps
 * unique (the email address; the custom company property {@value #BUSINESS_ID}), so doing it again
 * changes nothing, and remembered in {@link CrmMappings}. An erased user is never written again.
 */
@Component
class CrmRecords {

  /** Custom contact property (single-line text) holding the DigitalTowns user id. */
  static final String USER_ID = "dt_user_id";

  /**
   * Custom company property (single-line text, unique values) holding the DigitalTowns business id.
   */
  static final String BUSINESS_ID = "dt_business_id";

  private final HubSpotClient hubSpot;
  private final CrmMappings mappings;

  CrmRecords(HubSpotClient hubSpot, CrmMappings mappings) {
    this.hubSpot = hubSpot;
    this.mappings = mappings;
  }

  /**
   * Upserts the user's contact by email address.
   *
   * @param userId the DigitalTowns user, or blank for someone without an account
   * @param lifecycleStage HubSpot's internal value ({@code subscriber}, {@code lead}, ...), or null
   *     to leave it
   * @return the contact id; empty when the user was erased (nothing is sent)
   */
  Optional<String> contact(String userId, String email, String name, String lifecycleStage) {
    if (mappings.isErased(userId)) {
      return Optional.empty();
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("email", email);
    if (name != null && !name.isBlank()) {
      properties.put("firstname", name);
    }
    if (lifecycleStage != null) {
      properties.put("lifecyclestage", lifecycleStage);
    }
    boolean member = userId != null && !userId.isBlank();
    if (member) {
      properties.put(USER_ID, userId);
    }
    String contactId = hubSpot.upsertContact(email, properties);
    if (member) {
      mappings.contact(userId, contactId);
    }
    return Optional.of(contactId);
  }

  /** Upserts the business's company by {@value #BUSINESS_ID}; returns its id. */
  String company(String businessId, String name, String category) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(BUSINESS_ID, businessId);
    properties.put("name", name);
    if (category != null && !category.isBlank()) {
      properties.put("description", category);
    }
    String companyId = hubSpot.upsertCompany(BUSINESS_ID, businessId, properties);
    mappings.company(businessId, companyId);
    return companyId;
  }

  /** The company of a business already synced, else upserted now. */
  String companyOf(String businessId, String name, String category) {
    return mappings.companyOf(businessId).orElseGet(() -> company(businessId, name, category));
  }

  void associate(String contactId, String companyId) {
    hubSpot.associateContactWithCompany(contactId, companyId);
  }
}
