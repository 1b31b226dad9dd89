/** Exposed to the site (io.digitaltowns.api.site), whose pages call these services in process. */
@org.springframework.modulith.NamedInterface("verification")
package io.digitaltowns.api.accounts.verification;
