package io.digitaltowns.consumers.crmsync;

import io.digitaltowns.consumers.crm.CleanupTimeline;
import io.digitaltowns.events.accounts.UserDeleted;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * GDPR erasure: the user's HubSpot contact is deleted permanently with HubSpot's GDPR delete (the
 * one mapped here, and any other carrying the user's {@value CrmRecords#USER_ID}), and the user is
 * remembered as erased so that no later or replayed event brings the contact back. The erasure is
 * recorded in the transaction of the event: if HubSpot cannot be reached, nothing is recorded and
 * the event is retried. The CRM timeline of each business the account owned notes the erasure (the
 * contact's own page is gone with the account).
 */
@Component
class UserDeletedCrmHandler implements CrmSyncHandler<UserDeleted> {

  private static final Logger log = LoggerFactory.getLogger(UserDeletedCrmHandler.class);

  private final CrmMappings mappings;
  private final HubSpotClient hubSpot;
  private final CleanupTimeline timeline;

  UserDeletedCrmHandler(CrmMappings mappings, HubSpotClient hubSpot, CleanupTimeline timeline) {
    this.mappings = mappings;
    this.hubSpot = hubSpot;
    this.timeline = timeline;
  }

  @Override
  public Class<UserDeleted> eventType() {
    return UserDeleted.class;
  }

  @Override
  public void handle(UserDeleted event) {
    String userId = event.getAggregateId();
    Set<String> contacts = new LinkedHashSet<>();
    mappings.erase(userId).ifPresent(contacts::add);
    // contacts synced before the mapping existed, or by another tool, carry the id as well
    contacts.addAll(hubSpot.findContacts(CrmRecords.USER_ID, userId));
    contacts.forEach(hubSpot::gdprDeleteContact);
    String summary =
        contacts.isEmpty()
            ? "No HubSpot contact to erase (account deleted)"
            : "HubSpot contact erased with GDPR delete (account deleted)";
    Instant now = Instant.now();
    event
        .getBusinessIds()
        .forEach(
            businessId ->
                timeline.record(
                    event.getEventId(),
                    CleanupTimeline.Step.HUBSPOT_CONTACT_ERASED,
                    now,
                    businessId,
                    summary,
                    null));
    log.info(
        "crm-sync: user {} erased, {} HubSpot contact(s) deleted permanently",
        userId,
        contacts.size());
  }
}
