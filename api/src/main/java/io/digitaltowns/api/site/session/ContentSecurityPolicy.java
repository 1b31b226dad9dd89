package io.digitaltowns.api.site.session;

import io.digitaltowns.api.billing.StripeProperties;
import io.digitaltowns.api.businesses.photos.StorageProperties;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The site's Content-Security-Policy: scripts, styles and everything else from the site itself only
 * (no 'unsafe-inline', no eval), photos also from the photo store, which the browser reads and (for
 * owners) writes through presigned URLs. Nothing from any other host.
 */
@Component
public class ContentSecurityPolicy {

  private final String directives;

  ContentSecurityPolicy(StorageProperties storage, StripeProperties stripe) {
    Set<String> photoOrigins = new LinkedHashSet<>();
    origin(storage.publicAssetBaseUrl()).ifPresent(photoOrigins::add);
    origin(storage.endpoint()).ifPresent(photoOrigins::add);
    if (storage.endpoint() == null || storage.endpoint().isBlank()) {
      photoOrigins.add("https://*.amazonaws.com"); // AWS S3 itself: the bucket's host
    }
    String photos = String.join(" ", photoOrigins);
    // Subscribe and Manage are answered with a redirect to Stripe Checkout or the customer portal;
    // a stand-in for
    // Stripe (the local stack's) serves both from its API's origin
    Set<String> stripeOrigins =
        new LinkedHashSet<>(
            java.util.List.of("https://checkout.stripe.com", "https://billing.stripe.com"));
    origin(stripe.apiBase())
        .filter(origin -> !origin.equals("https://api.stripe.com"))
        .ifPresent(stripeOrigins::add);
    this.directives =
        ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: %s; "
                + "connect-src 'self' %s; font-src 'self'; object-src 'none'; base-uri 'self'; "
                // form-action covers the redirect that answers a form too
                + "form-action 'self' %s; "
                + "frame-ancestors 'none'")
            .formatted(photos, photos, String.join(" ", stripeOrigins))
            .replace("  ", " ");
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
    return uri.getScheme() == null || uri.getAuthority() == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(uri.getScheme() + "://" + uri.getAuthority());
  }
}
