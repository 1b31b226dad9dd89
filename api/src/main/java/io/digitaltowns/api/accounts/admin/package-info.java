/**
 * Exposed to the site (io.digitaltowns.api.site), whose admin user pages call these services in
 * process.
 */
@org.springframework.modulith.NamedInterface("admin")
package io.digitaltowns.api.accounts.admin;
