package io.digitaltowns.api.businesses.photos;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the client is about to upload, as it declares it; checked again against the stored bytes on
 * confirmation.
 */
public record PhotoUploadRequest(
    @Schema(description = "image/jpeg or image/png", example = "image/jpeg") String contentType,
    @Schema(description = "exact size of the file in bytes", example = "482113") Long sizeBytes) {}
