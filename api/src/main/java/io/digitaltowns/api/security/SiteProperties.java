package io.digitaltowns.api.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl PUBLIC_BASE_URL: where the web front end lives; its origin may call the api
 *     from browsers
 */
@ConfigurationProperties("digitaltowns.site")
public record SiteProperties(@DefaultValue("http://localhost:8080") URI publicBaseUrl) {

  String origin() {
    return publicBaseUrl.getScheme() + "://" + publicBaseUrl.getAuthority();
  }
}
