package io.digitaltowns.api.site.signin;

import io.digitaltowns.api.accounts.oauth.OAuthProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The "Sign in with Google / Facebook" buttons: one for each provider that has credentials, none
 * otherwise.
 */
@Component
public class SignInProviders {

  private final OAuthProperties properties;

  SignInProviders(OAuthProperties properties) {
    this.properties = properties;
  }

  /**
   * A button: a plain link that starts the provider's sign-in (the redirect to the provider is a
   * GET, and the state it carries, not a CSRF token, ties the way back to this browser).
   *
   * @param label what the button says
   * @param href where it starts, with the local path to come back to
   */
  public record Button(String label, String href) {}

  List<Button> buttons(String next) {
    String back = URLEncoder.encode(LocalPath.orHome(next), StandardCharsets.UTF_8);
    List<Button> buttons = new ArrayList<>();
    if (properties.google().configured()) {
      buttons.add(new Button("Continue with Google", "/oauth2/authorization/google?next=" + back));
    }
    if (properties.facebook().configured()) {
      buttons.add(
          new Button("Continue with Facebook", "/oauth2/authorization/facebook?next=" + back));
    }
    return List.copyOf(buttons);
  }
}
