/**
 * The site: server-rendered pages for residents, owners and admins, one sub-package per area of
 * pages. Page controllers call the same application services the JSON controllers call, in process.
 * Sessions, CSRF and the Content-Security-Policy live in {@code session}; the page frame and error
 * pages in {@code layout} and {@code errors}. See docs/web.md.
 */
package io.digitaltowns.api.site;
