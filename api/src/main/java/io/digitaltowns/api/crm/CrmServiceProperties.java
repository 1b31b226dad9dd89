package io.digitaltowns.api.crm;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param role SERVICE_ROLE: {@code crm} serves only the CRM endpoints (the private CRM service,
 *     port 3001); any other role serves them too, unless {@code url} is set
 * @param url CRM_SERVICE_URL: when set on the web service, every CRM request is forwarded there
 * @param timeout how long the web service waits for the CRM service
 */
@ConfigurationProperties("digitaltowns.crm-service")
record CrmServiceProperties(
    @DefaultValue("web") String role, URI url, @DefaultValue("10s") Duration timeout) {}
