package io.digitaltowns.api.accounts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Makes admins of the addresses listed in ADMIN_EMAILS once their owner has proven them, and takes
 * ADMIN away again from an account whose address is no longer listed: at startup (the list is
 * configuration, so it changes only with a restart, and this runs before the first request) and at
 * every sign-in. Addresses are compared in their normal form, exactly ({@link EmailAddress}).
 */
@Component
public class AdminPromotion implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(AdminPromotion.class);

  private final AccountRoles roles;
  private final Set<EmailAddress> listed;

  AdminPromotion(AccountRoles roles, AdminProperties properties) {
    this.roles = roles;
    this.listed = properties.addresses();
  }

  /**
   * The single way to ADMIN_EMAILS' ADMIN. Call it only once the owner of the address has proven it
   * (verification, a reset, a provider that vouches for the address): grants ADMIN when the address
   * is listed, and revokes one the list gave when it no longer is.
   */
  public void promoteIfListed(UUID userId, EmailAddress provenAddress, String traceId) {
    if (listed.contains(provenAddress)) {
      roles.grantFromAdminList(userId, traceId);
    } else {
      roles.revokeFromAdminList(userId, traceId);
    }
  }

  /**
   * As {@link #promoteIfListed(UUID, EmailAddress, String)} for an account read from the database:
   * an unproven address, or a stored one that is not in normal form (a look-alike kept from before
   * addresses were normalised), gets no ADMIN from the list and loses one it had.
   */
  public void promoteIfListed(
      UUID userId, String storedEmail, boolean emailVerified, String traceId) {
    Optional<EmailAddress> address = EmailAddress.ofStored(storedEmail);
    if (emailVerified && address.isPresent()) {
      promoteIfListed(userId, address.get(), traceId);
    } else {
      roles.revokeFromAdminList(userId, traceId);
    }
  }

  /**
   * At a password sign-in, which proves nothing about the address: grants nothing, but ADMIN the
   * list gave leaves an account whose address is unproven, not in normal form or no longer listed.
   */
  public void revokeIfNoLongerListed(
      UUID userId, String storedEmail, boolean emailVerified, String traceId) {
    Optional<EmailAddress> address = EmailAddress.ofStored(storedEmail);
    if (!emailVerified || address.isEmpty() || !listed.contains(address.get())) {
      roles.revokeFromAdminList(userId, traceId);
    }
  }

  /** Whether the address is listed; exact comparison of normal forms. */
  public boolean isListed(EmailAddress address) {
    return listed.contains(address);
  }

  /**
   * At startup, before the server takes requests: ADMIN leaves every account the list no longer
   * names.
   */
  @Override
  public void afterSingletonsInstantiated() {
    int revoked = roles.revokeFromAdminListUnless(listed, null);
    if (revoked > 0) {
      log.info(
          "Revoked ADMIN from {} account(s) whose address is no longer in ADMIN_EMAILS", revoked);
    }
  }

  /**
   * @param emails ADMIN_EMAILS: addresses whose proven accounts are admins; blank entries are
   *     skipped
   */
  @ConfigurationProperties("digitaltowns.admins")
  record AdminProperties(@DefaultValue List<String> emails) {

    /**
     * binding fails, and so the start, when an entry is not an address: a typo must not go
     * unnoticed
     */
    AdminProperties {
      parse(emails);
    }

    Set<EmailAddress> addresses() {
      return parse(emails);
    }

    private static Set<EmailAddress> parse(List<String> emails) {
      Set<EmailAddress> addresses = new LinkedHashSet<>();
      for (int i = 0; i < emails.size(); i++) {
        if (emails.get(i) == null || emails.get(i).isBlank()) {
          continue;
        }
        try {
          addresses.add(EmailAddress.parse(emails.get(i)));
        } catch (InvalidEmailAddressException invalid) {
          throw new IllegalStateException(
              "ADMIN_EMAILS (digitaltowns.admins.emails): entry "
                  + (i + 1)
                  + " is not a usable email address: it "
                  + invalid.reason());
        }
      }
      return Set.copyOf(addresses);
    }
  }
}
