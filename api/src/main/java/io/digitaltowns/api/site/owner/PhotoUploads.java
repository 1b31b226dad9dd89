package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.businesses.photos.BusinessPhotos;
import io.digitaltowns.api.businesses.photos.Photo;
import io.digitaltowns.api.businesses.photos.PhotoUploadRequest;
import io.digitaltowns.api.businesses.photos.PhotoUploadTicket;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two calls the photos page's script makes around an upload (static/site/photo-upload.js), on
 * the page's session and with its CSRF token: a presigned upload URL, then the confirmation once
 * the browser has PUT the file there. The photo's bytes never pass through this server. Answers are
 * JSON (problem details on failure) because a script reads them.
 */
@RestController
class PhotoUploads {

  private static final Logger log = LoggerFactory.getLogger(PhotoUploads.class);

  private final BusinessPhotos photos;

  PhotoUploads(BusinessPhotos photos) {
    this.photos = photos;
  }

  @PostMapping("/my/businesses/{id}/photos/uploads")
  ResponseEntity<PhotoUploadTicket> start(
      org.springframework.security.core.Authentication authentication,
      @PathVariable UUID id,
      @RequestBody PhotoUploadRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(photos.requestUpload(Caller.of(authentication), id, request));
  }

  @PostMapping("/my/businesses/{id}/photos/{photoId}/confirm")
  Photo confirm(
      org.springframework.security.core.Authentication authentication,
      @PathVariable UUID id,
      @PathVariable UUID photoId,
      HttpServletRequest request) {
    return photos.confirm(Caller.of(authentication), id, photoId, ListingPages.traceId(request));
  }

  /** The script shows the problem's detail to the owner; nothing internal is in it. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> failed(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse known) {
      return ResponseEntity.status(known.getStatusCode()).body(known.getBody());
    }
    log.error("Photo upload step {} failed", request.getRequestURI(), e);
    return ResponseEntity.internalServerError()
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Try again in a moment."));
  }
}
