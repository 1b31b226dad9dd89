package io.digitaltowns.api.site.calls;

import io.digitaltowns.api.businesses.calls.BusinessCalls;
import io.digitaltowns.api.businesses.listing.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The room page's script (static/site/call-room.js), on the page's session and with its CSRF token:
 * joins with its browser's SDP offer (its tracks published, Cloudflare's answer back), asks whether
 * the other side has joined, pulls the other side's tracks (Cloudflare's offer back) and answers
 * that offer. JSON in and out (problem details on failure): a script reads it.
 */
@RestController
class CallSessions {

  private static final Logger log = LoggerFactory.getLogger(CallSessions.class);

  private final BusinessCalls calls;

  CallSessions(BusinessCalls calls) {
    this.calls = calls;
  }

  /**
   * @param sdp the browser's SDP offer (as the API's call-room endpoint, at most 20,000 characters)
   * @param tracks the offer's media sections: at most one audio and one video
   */
  record JoinRequest(
      @NotBlank @Size(max = 20_000) String sdp,
      @NotEmpty @Size(max = 2) List<@Valid Track> tracks) {}

  /**
   * @param mid the media section's id in the offer
   */
  record Track(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,16}") String mid,
      @NotBlank @Pattern(regexp = "audio|video") String kind) {}

  /**
   * @param sdp the browser's SDP answer to the offer that pulling the other side's tracks gave it
   */
  record AnswerRequest(@NotBlank @Size(max = 20_000) String sdp) {}

  record OtherSide(boolean joined) {}

  record PullOffer(String sdp) {}

  @PostMapping("/my/calls/{callId}/session")
  BusinessCalls.Joined join(
      @PathVariable UUID callId,
      Authentication authentication,
      @Valid @RequestBody JoinRequest request) {
    Map<String, String> tracks = new LinkedHashMap<>();
    for (Track track : request.tracks()) {
      if (tracks.containsValue(track.kind()) || tracks.put(track.mid(), track.kind()) != null) {
        throw new ErrorResponseException(
            HttpStatus.BAD_REQUEST,
            ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Each media section and each kind of track may come once."),
            null);
      }
    }
    return calls.join(Caller.of(authentication), callId, request.sdp(), tracks);
  }

  @GetMapping("/my/calls/{callId}/other-side")
  OtherSide otherSide(@PathVariable UUID callId, Authentication authentication) {
    return new OtherSide(calls.otherSideJoined(Caller.of(authentication), callId));
  }

  @PostMapping("/my/calls/{callId}/pull")
  PullOffer pull(@PathVariable UUID callId, Authentication authentication) {
    return new PullOffer(calls.pullOtherSide(Caller.of(authentication), callId));
  }

  @PostMapping("/my/calls/{callId}/answer")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void answer(
      @PathVariable UUID callId,
      Authentication authentication,
      @Valid @RequestBody AnswerRequest request) {
    calls.answer(Caller.of(authentication), callId, request.sdp());
  }

  /** The script shows the problem's detail; nothing internal is in it. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> failed(Exception e, HttpServletRequest request) {
    if (e instanceof MethodArgumentNotValidException
        || e instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
      return ResponseEntity.badRequest()
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.BAD_REQUEST,
                  "The browser's session description or its tracks are missing or not valid."));
    }
    if (e instanceof ErrorResponse known) {
      return ResponseEntity.status(known.getStatusCode()).body(known.getBody());
    }
    log.error("Joining call room {} failed", request.getRequestURI(), e);
    return ResponseEntity.internalServerError()
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Try again in a moment."));
  }
}
