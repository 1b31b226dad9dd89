package io.digitaltowns.consumers.crmsync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the {@code crm-sync} listeners run: only when enabled ({@code CONSUMER_CRM_SYNC_ENABLED},
 * off by default) and a HubSpot token is configured. Enabled without a token, the sync stays off
 * and says so at start and in health, rather than failing every record.
 */
@Component("crmSyncSwitch")
class CrmSyncSwitch {

  private static final Logger log = LoggerFactory.getLogger(CrmSyncSwitch.class);

  private final boolean enabled;
  private final boolean configured;

  CrmSyncSwitch(
      @Value("${digitaltowns.consumers.crm-sync.enabled:false}") boolean enabled,
      HubSpotProperties hubSpot) {
    this.enabled = enabled;
    this.configured = hubSpot.hasAccessToken();
    if (enabled && !configured) {
      log.warn(
          "crm-sync is enabled but HUBSPOT_ACCESS_TOKEN (digitaltowns.hubspot.access-token) is not set: HubSpot sync stays off");
    } else if (active()) {
      log.info("crm-sync is on: HubSpot at {}", hubSpot.baseUrl());
    }
  }

  public boolean active() {
    return enabled && configured;
  }

  String reason() {
    if (!enabled) {
      return "disabled (CONSUMER_CRM_SYNC_ENABLED=false)";
    }
    return configured ? "syncing to HubSpot" : "HUBSPOT_ACCESS_TOKEN is not set";
  }
}
