package io.digitaltowns.api.businesses.calls;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live video consultations through Cloudflare Calls (Realtime SFU). Off unless both the app id and
 * its secret are set.
 *
 * @param appId CF_CALLS_APP_ID; public, browsers see it
 * @param secret CF_CALLS_APP_SECRET; the bearer token of the app's management API, server-side only
 * @param baseUrl the Calls API, overridable for tests
 */
@ConfigurationProperties("digitaltowns.cloudflare-calls")
record CloudflareCallsProperties(
    String appId,
    String secret,
    @DefaultValue("https://rtc.live.cloudflare.com/v1") URI baseUrl,
    @DefaultValue("10s") Duration timeout) {

  boolean enabled() {
    return appId != null && !appId.isBlank() && secret != null && !secret.isBlank();
  }

  @Override
  public String toString() {
    return "CloudflareCallsProperties[appId=" + appId + ", baseUrl=" + baseUrl + "]";
  }
}
