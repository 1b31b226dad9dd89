/** Exposed to the site (io.digitaltowns.api.site), whose pages call these services in process. */
@org.springframework.modulith.NamedInterface("photos")
package io.digitaltowns.api.businesses.photos;
