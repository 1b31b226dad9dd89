package io.digitaltowns.api.accounts.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A browser as far as sign-in needs one: it keeps cookies and follows redirects one at a time, so a
 * test can look at (and, as a provider or an attacker would, change) each step.
 */
public final class Browser {

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** every response seen, in order */
  public final List<HttpResponse<String>> responses = new ArrayList<>();

  /**
   * The three legs of a sign-in: our redirect to the provider, the provider's redirect back, our
   * answer.
   */
  public record SignIn(
      HttpResponse<String> toProvider,
      HttpResponse<String> backFromProvider,
      HttpResponse<String> answer) {}

  /**
   * Starts at {@code start}, visits the provider's authorization endpoint (after {@code atProvider}
   * had its say about the URL), and follows its redirect back to the api.
   */
  public SignIn signIn(URI start, UnaryOperator<URI> atProvider, UnaryOperator<URI> backToApi) {
    HttpResponse<String> toProvider = get(start);
    assertThat(toProvider.statusCode())
        .as("redirect to the provider: %s", toProvider.body())
        .isEqualTo(302);
    HttpResponse<String> backFromProvider = get(atProvider.apply(location(toProvider)));
    assertThat(backFromProvider.statusCode())
        .as("the provider's redirect back: %s", backFromProvider.body())
        .isEqualTo(302);
    HttpResponse<String> answer = get(backToApi.apply(location(backFromProvider)));
    return new SignIn(toProvider, backFromProvider, answer);
  }

  public HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  public HttpResponse<String> get(URI uri, String bearerToken) {
    return send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearerToken).GET().build());
  }

  public static URI location(HttpResponse<String> response) {
    return response
        .uri()
        .resolve(
            response
                .headers()
                .firstValue("Location")
                .orElseThrow(
                    () -> new AssertionError("no Location header in a " + response.statusCode())));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      responses.add(response);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
