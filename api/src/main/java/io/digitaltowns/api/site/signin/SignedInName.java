package io.digitaltowns.api.site.signin;

import io.digitaltowns.api.accounts.AccountContacts;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/** The name the header shows for whoever the API's tokens were just issued to. */
@Component
class SignedInName {

  private final JwtDecoder decoder;
  private final AccountContacts contacts;

  SignedInName(JwtDecoder decoder, AccountContacts contacts) {
    this.decoder = decoder;
    this.contacts = contacts;
  }

  String of(TokenPair tokens) {
    UUID userId = UUID.fromString(decoder.decode(tokens.accessToken()).getSubject());
    return contacts.of(userId).map(AccountContacts.Contact::displayName).orElse("Account");
  }
}
