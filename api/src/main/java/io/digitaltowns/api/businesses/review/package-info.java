/**
 * Exposed to the site (io.digitaltowns.api.site), whose admin review page calls this service in
 * process.
 */
@org.springframework.modulith.NamedInterface("review")
package io.digitaltowns.api.businesses.review;
