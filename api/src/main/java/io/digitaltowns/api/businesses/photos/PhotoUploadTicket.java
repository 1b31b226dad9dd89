package io.digitaltowns.api.businesses.photos;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * How to upload one photo: send the file's bytes as the body of {@code method uploadUrl} with
 * {@code headers}.
 */
public record PhotoUploadTicket(
    @Schema(
            description =
                "confirm the upload with POST /api/businesses/{id}/photos/{photoId}/confirm")
        UUID photoId,
    @Schema(
            description =
                "presigned URL of the object store; the body must be exactly the declared bytes")
        String uploadUrl,
    @Schema(example = "PUT") String method,
    @Schema(description = "headers the upload must carry, exactly as given")
        Map<String, String> headers,
    @Schema(description = "the upload URL stops working at this moment") Instant expiresAt) {}
