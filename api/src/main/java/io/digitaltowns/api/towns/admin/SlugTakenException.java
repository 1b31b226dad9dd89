package io.digitaltowns.api.towns.admin;

import io.digitaltowns.api.web.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: slugs are the towns' addresses and must be unique. */
public class SlugTakenException extends ErrorResponseException {

  SlugTakenException() {
    super(HttpStatus.CONFLICT, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "Another town already has this slug.");
    problem.setTitle("Slug taken");
    problem.setProperty("errors", List.of(new FieldProblem("slug", "is already taken")));
    return problem;
  }
}
