package io.digitaltowns.api.site.calls;

import io.digitaltowns.api.businesses.calls.BusinessCalls;
import io.digitaltowns.api.businesses.listing.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The room page's script (static/site/call-room.js) joins with its browser's SDP offer, on the page's session and
 * with its CSRF token, and gets Cloudflare's answer. JSON in and out (problem details on failure): a script reads it.
 */
@RestController
class CallSessions {

  private static final Logger log = LoggerFactory.getLogger(CallSessions.class);

  private final BusinessCalls calls;

  CallSessions(BusinessCalls calls) {
    this.calls = calls;
  }

  /** @param sdp the browser's SDP offer (as the API's call-room endpoint, at most 20,000 characters) */
  record JoinRequest(@NotBlank @Size(max = 20_000) String sdp) {
  }

  @PostMapping("/my/calls/{callId}/session")
  BusinessCalls.Joined join(@PathVariable UUID callId, Authentication authentication,
                            @Valid @RequestBody JoinRequest request) {
    return calls.join(Caller.of(authentication), callId, request.sdp());
  }

  /** The script shows the problem's detail; nothing internal is in it. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> failed(Exception e, HttpServletRequest request) {
    if (e instanceof MethodArgumentNotValidException || e instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
      return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "The browser's offer is missing or too long."));
    }
    if (e instanceof ErrorResponse known) {
      return ResponseEntity.status(known.getStatusCode()).body(known.getBody());
    }
    log.error("Joining call room {} failed", request.getRequestURI(), e);
    return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side. Try again in a moment."));
  }
}
