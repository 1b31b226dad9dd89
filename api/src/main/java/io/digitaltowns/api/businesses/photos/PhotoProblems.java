package io.digitaltowns.api.businesses.photos;

import io.digitaltowns.api.web.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems the photo endpoints answer with. */
final class PhotoProblems {

  private PhotoProblems() {}

  /** 400 naming the offending request fields. */
  static ErrorResponseException invalidInput(String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid input");
    problem.setProperty("errors", errors);
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  /** 400: what was uploaded cannot become a photo. {@code reason} is a machine-readable code. */
  static ErrorResponseException uploadRefused(String reason, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Upload refused");
    problem.setProperty("reason", reason);
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  /** 404, also for a photo of another listing. */
  static ErrorResponseException photoNotFound() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This listing has no such photo.");
    problem.setTitle("Photo not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }

  /** 409: the listing has as many photos as it may. */
  static ErrorResponseException tooManyPhotos(int max) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "A listing can have at most " + max + " photos. Delete one to add another.");
    problem.setTitle("Too many photos");
    problem.setProperty("maxPhotos", max);
    return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
  }

  /** 409: too many upload URLs of the listing are still unconfirmed. */
  static ErrorResponseException tooManyUnfinishedUploads(int max) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "This listing has "
                + max
                + " unconfirmed uploads. Confirm or delete some of them, or wait until their upload URLs expire.");
    problem.setTitle("Too many unfinished uploads");
    problem.setProperty("maxUnfinishedUploads", max);
    return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
  }
}
