package io.digitaltowns.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A local server speaking Cloudflare's Calls API, started once per test JVM; each test stubs what
 * it needs.
 */
public final class CloudflareCallsStub {

  public static final String APP_ID = "test-calls-app";
  public static final String APP_SECRET = "test-calls-secret-never-logged";

  private static WireMockServer server;

  private CloudflareCallsStub() {}

  public static synchronized WireMockServer shared() {
    if (server == null) {
      server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  public static String baseUrl() {
    return shared().baseUrl() + "/v1";
  }
}
