package io.digitaltowns.api.businesses.photos;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** The new order of a listing's photos: every attached photo id, each once. */
public record PhotoOrderRequest(
    @Schema(description = "all photo ids of the listing in their new order") List<UUID> photoIds) {}
