/**
 * Sign in with Google and Facebook. Exposed to the site for {@link
 * io.digitaltowns.api.accounts.oauth.SiteSignIn} (which it implements) and {@link
 * io.digitaltowns.api.accounts.oauth.OAuthProperties} (which buttons to show).
 */
@org.springframework.modulith.NamedInterface("oauth")
package io.digitaltowns.api.accounts.oauth;
