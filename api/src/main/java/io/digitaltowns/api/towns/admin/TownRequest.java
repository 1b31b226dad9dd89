package io.digitaltowns.api.towns.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A town as an admin writes it. The timezone is an IANA zone id, checked by {@link ValidTimezone}.
 */
public record TownRequest(
    @NotBlank @Size(max = 100) String name,
    @NotBlank
        @Size(min = 2, max = 60)
        @Pattern(
            regexp = "[a-z0-9]+(-[a-z0-9]+)*",
            message = "must be lower-case words joined by '-'")
        String slug,
    @Size(max = 100) String region,
    @NotBlank @ValidTimezone String timezone) {}
