package io.digitaltowns.benchmark.site;

import io.digitaltowns.benchmark.CpuByComponent;
import io.digitaltowns.benchmark.Figures;
import io.digitaltowns.benchmark.OpenLoopRequests;
import io.digitaltowns.benchmark.SeededTown;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The site's two most visited pages, the town page ({@code /towns/{slug}}, its first 20 businesses)
 * and a business page ({@code /businesses/{id}}), on the seeded town: each at a fixed rate for a
 * warm-up (not reported), then for the measured time, as an anonymous visitor whose browser accepts
 * gzip; latency is the client's on loopback, from each request's intended send time ({@link
 * OpenLoopRequests}). Then each page's weight and the hosts it sends requests to ({@link
 * PageWeight}).
 */
public final class SitePagesTrial {

  /**
   * The business page shows photos as {@code <img alt="Photo of …">}: they are left out of the
   * weight.
   */
  private static final String PHOTO_ALT = "alt=\"Photo of ";

  private final HttpClient http;
  private final String baseUrl;
  private final long postgresPostmaster;

  /**
   * @param postgresPostmaster the PostgreSQL server's pid, for its CPU time (0 when unknown)
   */
  public SitePagesTrial(HttpClient http, String baseUrl, long postgresPostmaster) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.postgresPostmaster = postgresPostmaster;
  }

  public Map<String, Object> run(SeededTown town, int rate, int warmupSeconds, int seconds)
      throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("publishedBusinessesInTown", town.businesses());
    result.put("targetPerSecond", rate);
    result.put("warmupSeconds", warmupSeconds);
    result.put("seconds", seconds);
    result.put(
        "latency",
        "client side on loopback, from each request's intended send time (open loop), Accept-Encoding: gzip");
    result.put(
        "townPage",
        page(
            "GET /towns/{slug}",
            URI.create(baseUrl + "/towns/" + town.slug()),
            rate,
            warmupSeconds,
            seconds));
    result.put(
        "businessPage",
        page(
            "GET /businesses/{id}",
            URI.create(baseUrl + "/businesses/" + town.businessId()),
            rate,
            warmupSeconds,
            seconds));
    return result;
  }

  private Map<String, Object> page(String name, URI uri, int rate, int warmupSeconds, int seconds)
      throws Exception {
    OpenLoopRequests load = new OpenLoopRequests(http);
    if (warmupSeconds > 0) {
      load.run(rate, warmupSeconds, i -> request(uri), 200, (response, at) -> {});
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("request", name);
    CpuByComponent cpu = CpuByComponent.start(postgresPostmaster);
    OpenLoopRequests.Result measured =
        load.run(rate, seconds, i -> request(uri), 200, (response, at) -> {});
    Map<String, Object> cpuDuringLoad = cpu.stop();
    result.putAll(measured.toMap());
    // CPU per request depends less on what else runs on the machine than the latency's tail does
    result.put(
        "apiCpuMsPerRequest",
        perRequest(cpuDuringLoad, "api (Tomcat request threads)", measured.answered()));
    result.put(
        "postgresCpuMsPerRequest",
        perRequest(cpuDuringLoad, "PostgreSQL (all its processes)", measured.answered()));
    result.put("cpuDuringLoad", cpuDuringLoad);
    result.put(
        "weight", new PageWeight(http, attributes -> attributes.contains(PHOTO_ALT)).measure(uri));
    return result;
  }

  private static Double perRequest(Map<String, Object> cpu, String component, long requests) {
    if (requests == 0
        || !(cpu.get("components") instanceof Map<?, ?> components)
        || !(components.get(component) instanceof Map<?, ?> figures)
        || !(figures.get("cpuSeconds") instanceof Number seconds)) {
      return null;
    }
    return Figures.round(seconds.doubleValue() * 1000 / requests);
  }

  private static HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").GET().build();
  }
}
