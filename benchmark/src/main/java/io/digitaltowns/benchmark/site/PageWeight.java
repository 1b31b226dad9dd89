package io.digitaltowns.benchmark.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * What a browser downloads to show one page, photos left out: the HTML and every stylesheet,
 * script, icon and image it references ({@code <link
 * rel=stylesheet|icon|preload|modulepreload|manifest href>}, {@code <script src>}, {@code <img
 * src>}, and {@code url(...)} / {@code @import} in the stylesheets), each fetched once, as a
 * browser asks for it ({@code Accept-Encoding: gzip}). Bytes are counted as served (the body on the
 * wire, compressed when the server compressed it; headers not counted) and decoded. {@code data:}
 * URLs cost no request. Also lists the hosts the page sends requests to, and, apart, the hosts it
 * only links to (navigation, canonical and og: URLs), which block nothing.
 */
public final class PageWeight {

  private static final Pattern TAG =
      Pattern.compile("<(link|script|img|a|meta)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSS_URL =
      Pattern.compile(
          "url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)|@import\\s+['\"]([^'\"]+)['\"]",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> FETCHED_LINK_RELS =
      Set.of("stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon");

  private final HttpClient http;
  private final Predicate<String> isPhoto;

  /**
   * @param isPhoto given an {@code <img>} tag's attributes, whether it shows a business's photo
   *     (left out)
   */
  public PageWeight(HttpClient http, Predicate<String> isPhoto) {
    this.http = http;
    this.isPhoto = isPhoto;
  }

  public Map<String, Object> measure(URI page) throws IOException, InterruptedException {
    Fetched html = fetch(page);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", html.status);
    result.put("htmlBytesDecoded", html.decoded.length);
    result.put("htmlBytesServed", html.served);
    result.put("htmlContentEncoding", html.encoding);
    Set<URI> requested = new LinkedHashSet<>();
    Set<String> linkedHosts = new LinkedHashSet<>();
    int photosLeftOut = 0;
    Matcher tag = TAG.matcher(html.text());
    while (tag.find()) {
      String name = tag.group(1).toLowerCase();
      String attributes = tag.group(2);
      switch (name) {
        case "link" -> {
          String href = attribute(attributes, "href");
          Set<String> rels =
              Set.of(String.valueOf(attribute(attributes, "rel")).toLowerCase().split("\\s+"));
          if (rels.stream().anyMatch(FETCHED_LINK_RELS::contains)) {
            add(requested, page, href);
          } else {
            host(page, href, linkedHosts);
          }
        }
        case "script" -> add(requested, page, attribute(attributes, "src"));
        case "img" -> {
          if (isPhoto.test(attributes)) {
            photosLeftOut++;
          } else {
            add(requested, page, attribute(attributes, "src"));
          }
        }
        case "a" -> host(page, attribute(attributes, "href"), linkedHosts);
        default -> host(page, attribute(attributes, "content"), linkedHosts);
      }
    }
    List<Map<String, Object>> resources = new ArrayList<>();
    long served = html.served;
    long decoded = html.decoded.length;
    int failed = 0;
    List<URI> queue = new ArrayList<>(requested);
    for (int i = 0; i < queue.size(); i++) {
      URI uri = queue.get(i);
      Map<String, Object> resource = new LinkedHashMap<>();
      resource.put("url", uri.toString());
      if (!isSameOrigin(page, uri)) {
        resource.put("fetched", "no: another host");
        resources.add(resource);
        continue;
      }
      Fetched f = fetch(uri);
      resource.put("status", f.status);
      resource.put("contentType", f.contentType);
      resource.put("contentEncoding", f.encoding);
      resource.put("bytesServed", f.served);
      resource.put("bytesDecoded", f.decoded.length);
      resources.add(resource);
      if (f.status != 200) {
        failed++;
        continue;
      }
      served += f.served;
      decoded += f.decoded.length;
      if (f.contentType != null && f.contentType.startsWith("text/css")) {
        Matcher css = CSS_URL.matcher(f.text());
        while (css.find()) {
          URI next = resolve(uri, css.group(1) != null ? css.group(1) : css.group(2));
          if (next != null && requested.add(next)) {
            queue.add(next);
          }
        }
      }
    }
    Set<String> requestHosts = new LinkedHashSet<>();
    requested.forEach(uri -> requestHosts.add(origin(uri)));
    requestHosts.add(origin(page));
    List<String> thirdParty = requestHosts.stream().filter(h -> !h.equals(origin(page))).toList();
    linkedHosts.remove(origin(page));
    result.put("resources", resources);
    result.put("resourcesFailed", failed);
    result.put("photosLeftOut", photosLeftOut);
    result.put("pageWeightBytesServed", served);
    result.put("pageWeightBytesDecoded", decoded);
    result.put("requestHosts", List.copyOf(requestHosts));
    result.put("thirdPartyRequestHosts", thirdParty);
    result.put("thirdPartyRequestHostCount", thirdParty.size());
    result.put("hostsOnlyLinkedTo", List.copyOf(linkedHosts));
    return result;
  }

  private record Fetched(
      int status, String contentType, String encoding, long served, byte[] decoded) {

    String text() {
      return new String(decoded, StandardCharsets.UTF_8);
    }
  }

  private Fetched fetch(URI uri) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
    byte[] body = response.body();
    byte[] decoded = body;
    if ("gzip".equalsIgnoreCase(encoding)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        decoded = in.readAllBytes();
      }
    }
    return new Fetched(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        encoding,
        body.length,
        decoded);
  }

  private static String attribute(String attributes, String name) {
    Matcher m =
        Pattern.compile(
                "\\b" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
                Pattern.CASE_INSENSITIVE)
            .matcher(attributes);
    if (!m.find()) {
      return null;
    }
    return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
  }

  private static void add(Set<URI> requested, URI page, String reference) {
    URI uri = resolve(page, reference);
    if (uri != null) {
      requested.add(uri);
    }
  }

  private static void host(URI page, String reference, Set<String> hosts) {
    URI uri = resolve(page, reference);
    if (uri != null && uri.getHost() != null) {
      hosts.add(origin(uri));
    }
  }

  /**
   * The absolute URL a reference points to; null for none, data:, fragments and non-HTTP schemes
   * (tel:, mailto:).
   */
  private static URI resolve(URI base, String reference) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    String ref = reference.strip().replace("&amp;", "&");
    if (ref.startsWith("data:") || ref.startsWith("#")) {
      return null;
    }
    try {
      URI uri = base.resolve(ref);
      String scheme = uri.getScheme();
      return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? uri : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isSameOrigin(URI page, URI uri) {
    return origin(page).equals(origin(uri));
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
