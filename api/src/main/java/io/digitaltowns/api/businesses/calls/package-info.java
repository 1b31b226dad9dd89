/**
 * Exposed to the site (io.digitaltowns.api.site): a resident's video call with a business, and its
 * room.
 */
@org.springframework.modulith.NamedInterface("calls")
package io.digitaltowns.api.businesses.calls;
