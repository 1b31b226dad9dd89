package io.digitaltowns.api.businesses.photos;

import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PhotoController {

  private final BusinessPhotos photos;

  PhotoController(BusinessPhotos photos) {
    this.photos = photos;
  }

  @Operation(
      summary = "Start a photo upload (owner or admin)",
      description =
          "Answers a presigned URL: PUT the file's bytes there, directly to the object store, with the "
              + "given headers and exactly the declared size, before the URL expires; then confirm the upload. "
              + "JPEG or PNG, at most digitaltowns.storage.max-photo-bytes (10 MB by default).",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "201", description = "A pending photo and its upload URL")
  @ApiResponse(responseCode = "400", description = "Not an accepted image type, or an invalid size")
  @ApiResponse(responseCode = "403", description = "Not the owner")
  @ApiResponse(
      responseCode = "409",
      description = "The listing already has the most photos it may have")
  @PostMapping("/api/businesses/{id}/photos/upload-url")
  @ResponseStatus(HttpStatus.CREATED)
  PhotoUploadTicket uploadUrl(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestBody PhotoUploadRequest request) {
    return photos.requestUpload(Caller.of(authentication), id, request);
  }

  @Operation(
      summary = "Confirm an upload: attach the photo (owner or admin)",
      description =
          "Checks the stored file: its size must be the declared one and it must decode whole as a JPEG or "
              + "PNG image of the declared type; otherwise it is deleted. Its pixels are then stored anew without any "
              + "metadata (no EXIF, so no GPS position) under a key of their own; the upload URL can no longer change "
              + "the photo. The first photo becomes the cover.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "200", description = "Attached as the listing's last photo")
  @ApiResponse(
      responseCode = "400",
      description =
          "Nothing uploaded yet, or the file is not a whole image of the "
              + "declared type and size (reason: upload-not-found, size-mismatch, not-an-image, type-mismatch, too-many-pixels)")
  @ApiResponse(responseCode = "404", description = "No such pending photo on this listing")
  @ApiResponse(
      responseCode = "409",
      description = "The listing already has the most photos it may have")
  @PostMapping("/api/businesses/{id}/photos/{photoId}/confirm")
  Photo confirm(
      Authentication authentication,
      @PathVariable UUID id,
      @PathVariable UUID photoId,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return photos.confirm(Caller.of(authentication), id, photoId, TraceParent.traceId(traceparent));
  }

  @Operation(
      summary = "The photos of a listing, in order",
      description =
          "Visible to whoever may see the listing. Without a public asset base URL, each URL is presigned "
              + "and valid for an hour.")
  @ApiResponse(responseCode = "404", description = "No such listing, or not visible to the caller")
  @GetMapping("/api/businesses/{id}/photos")
  List<Photo> list(Authentication authentication, @PathVariable UUID id) {
    return photos.photosOf(Caller.of(authentication), id);
  }

  @Operation(
      summary = "Reorder the photos (owner or admin)",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "400", description = "Not exactly the listing's photo ids, each once")
  @PutMapping("/api/businesses/{id}/photos/order")
  List<Photo> reorder(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestBody PhotoOrderRequest request) {
    return photos.reorder(Caller.of(authentication), id, request);
  }

  @Operation(
      summary = "Make a photo the cover (owner or admin)",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "404", description = "No such photo on this listing")
  @PutMapping("/api/businesses/{id}/photos/{photoId}/cover")
  List<Photo> cover(
      Authentication authentication, @PathVariable UUID id, @PathVariable UUID photoId) {
    return photos.makeCover(Caller.of(authentication), id, photoId);
  }

  @Operation(
      summary = "Delete a photo, or cancel a pending upload (owner or admin)",
      description =
          "When the cover goes, the next photo becomes the cover. The stored file is deleted too.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(responseCode = "404", description = "No such photo on this listing")
  @DeleteMapping("/api/businesses/{id}/photos/{photoId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(
      Authentication authentication,
      @PathVariable UUID id,
      @PathVariable UUID photoId,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    photos.delete(Caller.of(authentication), id, photoId, TraceParent.traceId(traceparent));
  }
}
