package io.digitaltowns.api.accounts.oauth;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign in with Google and with Facebook. A provider without a client id and secret is off: it gets
 * no registration, and its /oauth2/authorization path answers 404. With neither configured, OAuth
 * login is not part of the security chain at all.
 *
 * @param google an OpenID Connect client of Google
 * @param facebook an OAuth 2 client of Facebook (Facebook Login)
 * @param successRedirectUri where the browser goes after signing in, with the tokens in the URL
 *     fragment ({@code #access_token=...}); empty answers the tokens as JSON
 * @param redirectBaseUrl public base URL of the api as the provider redirects back to it ({@code
 *     <base>/login/oauth2/code/google}); empty derives it from the request (behind a proxy: from
 *     its X-Forwarded-* headers)
 */
@ConfigurationProperties("digitaltowns.oauth")
public record OAuthProperties(
    @DefaultValue Google google,
    @DefaultValue Facebook facebook,
    URI successRedirectUri,
    String redirectBaseUrl) {

  public OAuthProperties {
    // an empty OAUTH_SUCCESS_REDIRECT_URI means "none"
    successRedirectUri =
        successRedirectUri == null || successRedirectUri.toString().isBlank()
            ? null
            : successRedirectUri;
    if (successRedirectUri != null && !successRedirectUri.isAbsolute()) {
      throw new IllegalArgumentException(
          "digitaltowns.oauth.success-redirect-uri must be an absolute URL");
    }
  }

  /**
   * @param issuerUri the OpenID provider; its endpoints and keys come from its discovery document
   *     ({@code <issuer>/.well-known/openid-configuration}), fetched at the first sign-in
   */
  public record Google(
      String clientId,
      String clientSecret,
      @DefaultValue("https://accounts.google.com") URI issuerUri) {

    public boolean configured() {
      return hasText(clientId) && hasText(clientSecret);
    }

    @Override
    public String toString() {
      return "Google[clientId=" + clientId + ", issuerUri=" + issuerUri + "]";
    }
  }

  /**
   * Unversioned Graph API endpoints use the app's default API version (set in the app dashboard),
   * so the app keeps working when Facebook retires a version.
   *
   * @param clientId the Facebook app id
   * @param clientSecret the Facebook app secret
   */
  public record Facebook(
      String clientId,
      String clientSecret,
      @DefaultValue("https://www.facebook.com/dialog/oauth") URI authorizationUri,
      @DefaultValue("https://graph.facebook.com/oauth/access_token") URI tokenUri,
      @DefaultValue("https://graph.facebook.com/me?fields=id,name,email") URI userInfoUri) {

    public boolean configured() {
      return hasText(clientId) && hasText(clientSecret);
    }

    @Override
    public String toString() {
      return "Facebook[clientId=" + clientId + ", authorizationUri=" + authorizationUri + "]";
    }
  }

  public boolean anyConfigured() {
    return google.configured() || facebook.configured();
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
