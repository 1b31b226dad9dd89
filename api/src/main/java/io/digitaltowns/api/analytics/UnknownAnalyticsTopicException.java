package io.digitaltowns.api.analytics;

import io.digitaltowns.events.AnalyticsCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class UnknownAnalyticsTopicException extends ErrorResponseException {

  UnknownAnalyticsTopicException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "There are no such figures. Known: "
                + String.join(
                    ", ",
                    AnalyticsCatalog.topics().stream()
                        .map(AnalyticsCatalog.AnalyticsTopic::shortName)
                        .toList())
                + ".");
    problem.setTitle("Unknown analytics topic");
    return problem;
  }
}
