package io.digitaltowns.api.site.session;

import io.digitaltowns.api.businesses.photos.StorageProperties;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The site's Content-Security-Policy: scripts, styles and everything else from the site itself only (no
 * 'unsafe-inline', no eval), photos also from the photo store, which the browser reads and (for owners) writes
 * through presigned URLs. Nothing from any other host.
 */
@Component
public class ContentSecurityPolicy {

  private final String directives;

  ContentSecurityPolicy(StorageProperties storage) {
    Set<String> photoOrigins = new LinkedHashSet<>();
    origin(storage.publicAssetBaseUrl()).ifPresent(photoOrigins::add);
    origin(storage.endpoint()).ifPresent(photoOrigins::add);
    if (storage.endpoint() == null || storage.endpoint().isBlank()) {
      photoOrigins.add("https://*.amazonaws.com"); // AWS S3 itself: the bucket's host
    }
    String photos = String.join(" ", photoOrigins);
    this.directives = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: %s; "
        // the Subscribe form is answered with a redirect to Stripe Checkout; form-action covers that redirect too
        + "connect-src 'self' %s; font-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self' https://checkout.stripe.com; "
        + "frame-ancestors 'none'").formatted(photos, photos).replace("  ", " ");
  }

  /** The header's value. */
  public String directives() {
    return directives;
  }

  private static java.util.Optional<String> origin(String url) {
    if (url == null || url.isBlank()) {
      return java.util.Optional.empty();
    }
    URI uri = URI.create(url.strip());
    return uri.getScheme() == null || uri.getAuthority() == null ? java.util.Optional.empty()
        : java.util.Optional.of(uri.getScheme() + "://" + uri.getAuthority());
  }
}
