package io.digitaltowns.consumers.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from          the sender of every mail ({@code EMAIL_FROM})
 * @param publicBaseUrl where links in mails point ({@code PUBLIC_BASE_URL})
 */
@ConfigurationProperties("digitaltowns.email")
public record EmailProperties(
    @DefaultValue("DigitalTowns <no-reply@digitaltowns.local>") String from,
    @DefaultValue("http://localhost:8080") String publicBaseUrl) {
}
