package io.digitaltowns.api.businesses.listing;

import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;

/**
 * One period a business is open on a weekday; {@code closes} before {@code opens} runs past
 * midnight.
 */
public record OpeningPeriod(@NotNull LocalTime opens, @NotNull LocalTime closes) {}
