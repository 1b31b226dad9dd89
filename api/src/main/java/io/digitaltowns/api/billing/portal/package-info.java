/**
 * Exposed to the site's pages (package {@code site}): the owner's "Manage" button opens the
 * customer portal through the same application service as {@code POST
 * /api/businesses/{id}/subscription/portal}.
 */
@org.springframework.modulith.NamedInterface("portal")
package io.digitaltowns.api.billing.portal;
