/**
 * Exposed to the site's pages (package {@code site}), which call these application services in
 * process just as the JSON controllers here do.
 */
@org.springframework.modulith.NamedInterface("checkout")
package io.digitaltowns.api.billing.checkout;
