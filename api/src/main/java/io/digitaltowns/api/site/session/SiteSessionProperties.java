package io.digitaltowns.api.site.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The site's session cookie, {@code digitaltowns.site.session.*}.
 *
 * @param secureCookie SITE_SECURE_COOKIE: send the cookie over HTTPS only; true in production (the
 *     prod profile sets it), false for http://localhost
 * @param cookieName the session cookie's name
 */
@ConfigurationProperties("digitaltowns.site.session")
public record SiteSessionProperties(
    @DefaultValue("false") boolean secureCookie, @DefaultValue("dt_session") String cookieName) {}
