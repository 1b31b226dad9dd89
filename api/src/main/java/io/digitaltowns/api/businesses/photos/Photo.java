package io.digitaltowns.api.businesses.photos;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** An attached photo of a listing, as the API shows it. */
public record Photo(
    UUID id,
    @Schema(
            description =
                "where to fetch the image: a public asset URL, or a presigned URL valid for an hour")
        String url,
    String contentType,
    long sizeBytes,
    @Schema(description = "0-based place in the listing's order") int position,
    @Schema(
            description =
                "whether this is the listing's cover photo (exactly one when there are photos)")
        boolean cover) {}
