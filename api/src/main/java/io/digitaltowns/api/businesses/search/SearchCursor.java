package io.digitaltowns.api.businesses.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Where the next page starts: the sort key of the last item shown. Keyset pagination stays stable
 * while listings are added or removed, unlike offsets. Opaque to clients.
 */
record SearchCursor(float rank, boolean featured, String name, UUID id) {

  String encode() {
    String raw = rank + "|" + featured + "|" + id + "|" + name;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static SearchCursor decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 4);
      return new SearchCursor(
          Float.parseFloat(parts[0]),
          Boolean.parseBoolean(parts[1]),
          parts[3],
          UUID.fromString(parts[2]));
    } catch (RuntimeException e) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "The cursor is not one this api handed out. Start again without it.");
      problem.setTitle("Invalid cursor");
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
    }
  }
}
