package io.digitaltowns.api.authservice;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The same jar runs as the public web service or as the private auth service.
 *
 * @param role {@code web} (everything; the default) or {@code auth} (only the accounts endpoints,
 *     for a private service on port 3002)
 * @param url AUTH_SERVICE_URL: when set on the web service, every accounts request is forwarded to
 *     the auth service at this address instead of being answered in-process
 * @param timeout how long the web service waits for the auth service
 */
@ConfigurationProperties("digitaltowns.auth-service")
record AuthServiceProperties(
    @DefaultValue("web") String role, URI url, @DefaultValue("10s") Duration timeout) {}
