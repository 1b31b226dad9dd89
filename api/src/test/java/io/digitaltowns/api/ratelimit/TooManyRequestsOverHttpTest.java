package io.digitaltowns.api.ratelimit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.digitaltowns.api.ratelimit.TestLimits.ManualClock;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The exception as a client sees it, through Spring MVC's standard problem handling (the same
 * {@link ResponseEntityExceptionHandler} the api's own advice extends).
 */
class TooManyRequestsOverHttpTest {

  private final AbuseLimits limits =
      new AbuseLimits(
          TestLimits.defaults(),
          new LocalBucketStore(new ManualClock(), 1_000, Duration.ofMinutes(1)));

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new SignIn(limits))
          .setControllerAdvice(new Problems())
          .build();

  @Test
  void a_refused_attempt_is_answered_429_with_retry_after_and_a_problem_body() throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(post("/sign-in").param("email", "ada@example.org"))
          .andExpect(status().isNoContent());
    }

    mvc.perform(post("/sign-in").param("email", "ada@example.org"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "180"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://digitaltowns.io/problems/too-many-requests"))
        .andExpect(jsonPath("$.title").value("Too many requests"))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(
            jsonPath("$.detail").value("Too many sign-in attempts. Please try again in 3 minutes."))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("ada"))))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("127.0.0.1"))));
  }

  @RestController
  static class SignIn {

    private final AbuseLimits limits;

    SignIn(AbuseLimits limits) {
      this.limits = limits;
    }

    @PostMapping("/sign-in")
    org.springframework.http.ResponseEntity<Void> signIn(
        @RequestParam String email, HttpServletRequest request) {
      limits.check(LimitedAction.LOGIN, ClientAddress.of(request), email);
      return org.springframework.http.ResponseEntity.noContent().build();
    }
  }

  @ControllerAdvice
  static class Problems extends ResponseEntityExceptionHandler {}
}
