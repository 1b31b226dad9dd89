package io.digitaltowns.consumers.crmsync;

import io.digitaltowns.platform.diagnostics.Redacted;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the {@code crm-sync} consumer reaches HubSpot.
 *
 * @param accessToken the HubSpot private app's access token ({@code HUBSPOT_ACCESS_TOKEN}); sent as
 *     {@code Authorization: Bearer}, never logged. Empty: the sync stays off.
 * @param baseUrl HubSpot's API root ({@code HUBSPOT_BASE_URL}, default {@code
 *     https://api.hubapi.com})
 * @param timeout connect and request timeout of one call
 * @param maxRetryAfter the longest {@code Retry-After} the client waits for in place before it
 *     gives the record back to the consumer's backoff
 */
@ConfigurationProperties("digitaltowns.hubspot")
public record HubSpotProperties(
    String accessToken,
    @DefaultValue("https://api.hubapi.com") URI baseUrl,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("10s") Duration maxRetryAfter) {

  public boolean hasAccessToken() {
    return accessToken != null && !accessToken.isBlank();
  }

  /** Keeps the token out of logs and diagnostics that print the settings. */
  @Override
  public String toString() {
    return "HubSpotProperties[accessToken="
        + Redacted.secret(accessToken)
        + ", baseUrl="
        + baseUrl
        + ", timeout="
        + timeout
        + ", maxRetryAfter="
        + maxRetryAfter
        + "]";
  }
}
