package io.digitaltowns.api.site.session;

import jakarta.servlet.SessionTrackingMode;
import java.util.Set;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session cookie of the site: HttpOnly (no script reads it), SameSite=Lax (not sent on
 * cross-site POSTs), Secure in production, and only ever a cookie (never a jsessionid in a URL).
 */
@Configuration
class SessionCookieConfiguration {

  @Bean
  ServletContextInitializer siteSessionCookie(SiteSessionProperties properties) {
    return servletContext -> {
      servletContext.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
      var cookie = servletContext.getSessionCookieConfig();
      cookie.setName(properties.cookieName());
      cookie.setHttpOnly(true);
      cookie.setSecure(properties.secureCookie());
      cookie.setPath("/");
    };
  }

  @Bean
  CookieSameSiteSupplier siteSessionCookieSameSite(SiteSessionProperties properties) {
    return CookieSameSiteSupplier.ofLax().whenHasName(properties.cookieName());
  }
}
