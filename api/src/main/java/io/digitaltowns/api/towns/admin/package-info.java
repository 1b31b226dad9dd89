/**
 * Exposed to the site (io.digitaltowns.api.site), whose admin town pages call this service in
 * process.
 */
@org.springframework.modulith.NamedInterface("admin")
package io.digitaltowns.api.towns.admin;
