package io.digitaltowns.api.web;

import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem body. Validation problems name each offending field;
 * anything unexpected becomes a bare 500 whose body says nothing about the internals.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
            .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
            .toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request has invalid fields: "
                + String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList()));
    problem.setTitle("Invalid input");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // The parser's message may echo the input (a password, say): keep it out of the answer.
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request body is missing or is not valid JSON of the expected shape.");
    problem.setTitle("Unreadable request body");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /**
   * Constraint violations raised outside MVC's own parameter validation (a validated service
   * method, say).
   */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException ex) {
    List<FieldProblem> errors =
        ex.getConstraintViolations().stream()
            .map(
                violation ->
                    new FieldProblem(
                        lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
            .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
            .toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request has invalid fields: "
                + String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList()));
    problem.setTitle("Invalid input");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest()
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String lastNode(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /**
   * PostgreSQL's data exceptions (SQLSTATE class 22) are values that cannot be stored, such as text
   * with a NUL character, which JSON and URLs carry without complaint: bad input, refused like any
   * other. The statement failed, so its transaction rolls back and nothing of the request is
   * written.
   */
  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<ProblemDetail> unstorableValue(DataAccessException ex) {
    if (!isDataException(ex)) {
      return unexpected(ex);
    }
    log.warn("Refused a value the database cannot store: SQLSTATE {}", sqlState(ex));
    return badRequest(
        "Unstorable value",
        "The request contains a value that cannot be stored, "
            + "such as text with a NUL character.");
  }

  /** Tomcat refuses a query string that is not valid UTF-8 when the parameters are first read. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException ex) {
    // its message quotes the (garbled) value: keep it out of the answer and the log
    return badRequest(
        "Invalid query string", "The query string is not valid percent-encoded UTF-8.");
  }

  private static ResponseEntity<ProblemDetail> badRequest(String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle(title);
    return ResponseEntity.badRequest()
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static boolean isDataException(Throwable failure) {
    String state = sqlState(failure);
    return state != null && state.startsWith("22");
  }

  private static String sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    log.error("Unhandled error", ex);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. It has been logged.");
    problem.setTitle("Internal error");
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
  }
}
