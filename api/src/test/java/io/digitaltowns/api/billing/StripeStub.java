package io.digitaltowns.api.billing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A local server standing in for the Stripe API (https://api.stripe.com), started once per test
 * JVM; each test stubs the calls it expects with bodies shaped like Stripe's documented objects.
 * stripe-java sends form-encoded bodies ({@code line_items[0][price]=...}), which {@link #form}
 * decodes.
 */
public final class StripeStub {

  public static final String SECRET_KEY = "sk_test_digitaltowns_never_logged_0123456789";
  public static final String WEBHOOK_SECRET = "whsec_digitaltowns_test_never_logged_0123456789";
  public static final String PRICE_ID = "price_1DigitalTownsMonthly";
  public static final String PUBLIC_BASE_URL = "https://towns.example.org";

  private static WireMockServer server;

  private StripeStub() {}

  public static synchronized WireMockServer shared() {
    if (server == null) {
      server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  /** stripe-java appends /v1/... to the API base. */
  public static String baseUrl() {
    return shared().baseUrl();
  }

  /**
   * The form parameters of a request stripe-java sent, keys as Stripe names them
   * (metadata[business_id]).
   */
  public static Map<String, String> form(LoggedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    String body = request.getBodyAsString();
    if (body == null || body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String key =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      form.put(key, value);
    }
    return form;
  }
}
