package io.digitaltowns.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.events.accounts.UserRoleChanged;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ADMIN_EMAILS (here: {@link #LISTED_ADMIN}) against look-alikes (issue 16 finding 1) and an ADMIN
 * the list gave that is taken back when the address is no longer listed (finding 3).
 */
class AdminEmailsTest extends ApiHttpTest {

  @Autowired AdminPromotion adminPromotion;

  @Autowired TransactionTemplate transactions;

  @Autowired PasswordEncoder passwords;

  @Autowired SchemaRegistryClient schemaRegistry;

  /** look-alikes of the listed admin that differ from it (example.org has no i or s to replace) */
  static List<Confusables.Confusable> confusables() {
    String[] listed = LISTED_ADMIN.split("@");
    return Confusables.of(listed[0], listed[1]).stream()
        .filter(confusable -> !confusable.address().equals(LISTED_ADMIN))
        .toList();
  }

  /**
   * What the old code stored (any text the mail layer would take) and then promoted because {@code
   * equalsIgnoreCase} matched: no look-alike is promoted now, by verification or by sign-in.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("confusables")
  void no_verified_look_alike_of_a_listed_address_is_made_admin(Confusables.Confusable confusable) {
    UUID id = storedAsBefore(confusable.address(), false);

    adminPromotion.promoteIfListed(id, confusable.address(), true, null);

    assertThat(roles.rolesOf(id)).doesNotContain(Role.ADMIN);
    assertThat(outboxEvents(id, "UserRoleChanged")).isZero();
  }

  @Test
  void
      the_look_alike_of_the_issue_is_refused_at_registration_and_its_old_account_loses_admin_at_startup() {
    String lookAlike = "ops-admın@dıgıtaltowns.org";
    var refused =
        post(
            "/api/auth/register",
            null,
            json().put("email", lookAlike).put("password", PASSWORD).put("displayName", "Ops"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(read(refused).get("errors").get(0).get("message").asText())
        .isEqualTo(
            "may hold before the @ only ASCII letters, digits and . !#$%&'*+-/=?^_`{|}~ "
                + "(no spaces, accents or look-alike characters)");
    // the same attack on this configuration's listed address, promoted by the old equalsIgnoreCase
    UUID promotedBefore = storedAsBefore(LISTED_ADMIN.replace('i', 'ı'), true);

    adminPromotion.afterSingletonsInstantiated();

    assertThat(roles.rolesOf(promotedBefore)).doesNotContain(Role.ADMIN);
    assertThat(revocations(promotedBefore)).isEqualTo(1);
  }

  @Test
  void an_admin_whose_address_left_the_list_loses_admin_at_startup_visibly_and_with_an_event() {
    Member formerAdmin = registerAndSignIn("former-admin");
    verified(formerAdmin.id());
    // listed at an earlier start: the list gave ADMIN
    jdbc.sql("INSERT INTO user_roles (user_id, role, from_admin_list) VALUES (:id, 'ADMIN', true)")
        .param("id", formerAdmin.id())
        .update();
    String token = formerAdmin.accessToken();
    assertThat(get("/api/admin/users", token).statusCode())
        .as("roles are read per request")
        .isEqualTo(200);
    Member otherAdmin = admin();

    adminPromotion.afterSingletonsInstantiated();

    assertThat(get("/api/admin/users", token).statusCode()).as("the next request").isEqualTo(403);
    var listed =
        read(get("/api/admin/users?q=" + formerAdmin.email(), otherAdmin.accessToken()))
            .get("items")
            .get(0);
    assertThat(listed.get("roles").toString()).doesNotContain("ADMIN").contains("RESIDENT");
    assertThat(revocations(formerAdmin.id())).isEqualTo(1);
    // an ADMIN granted otherwise than through the list stays
    assertThat(get("/api/admin/users", otherAdmin.accessToken()).statusCode()).isEqualTo(200);
    adminPromotion.afterSingletonsInstantiated();
    assertThat(revocations(formerAdmin.id())).as("revoked once, announced once").isEqualTo(1);
  }

  @Test
  void an_admin_whose_address_left_the_list_loses_admin_at_sign_in_at_the_latest() {
    Member formerAdmin = registerAndSignIn("left-list");
    verified(formerAdmin.id());
    jdbc.sql("INSERT INTO user_roles (user_id, role, from_admin_list) VALUES (:id, 'ADMIN', true)")
        .param("id", formerAdmin.id())
        .update();

    String token = read(login(formerAdmin.email(), PASSWORD)).get("accessToken").asText();

    assertThat(roles.rolesOf(formerAdmin.id())).doesNotContain(Role.ADMIN);
    assertThat(get("/api/admin/users", token).statusCode()).isEqualTo(403);
    assertThat(revocations(formerAdmin.id())).isEqualTo(1);
  }

  private void verified(UUID id) {
    jdbc.sql("UPDATE users SET email_verified = true WHERE id = :id").param("id", id).update();
  }

  /** UserRoleChanged events of the user that revoke ADMIN, read back from their wire bytes */
  private long revocations(UUID userId) {
    AvroEventDeserializer events = new AvroEventDeserializer(schemaRegistry);
    return jdbc
        .sql(
            "SELECT payload FROM outbox WHERE aggregate_id = :id AND event_type = 'UserRoleChanged'")
        .param("id", userId.toString())
        .query(byte[].class)
        .list()
        .stream()
        .map(payload -> (UserRoleChanged) events.deserialize(payload))
        .filter(
            change ->
                change.getRole() == io.digitaltowns.events.accounts.Role.ADMIN
                    && !change.getGranted())
        .count();
  }

  /**
   * A verified account as the code before the normal form stored it: the address as typed,
   * lower-cased by Locale.ROOT.
   */
  private UUID storedAsBefore(String email, boolean promotedFromList) {
    UUID id = UUID.randomUUID();
    String stored = email.toLowerCase(java.util.Locale.ROOT);
    transactions.executeWithoutResult(
        status -> {
          // one row per look-alike: the dotless-ı ones of this address coincide when its domain has
          // no i
          jdbc.sql("DELETE FROM users WHERE email = :email").param("email", stored).update();
          jdbc.sql(
                  """
              INSERT INTO users (id, email, display_name, password_hash, email_verified, created_at)
              VALUES (:id, :email, 'Before', :hash, true, now())
              """)
              .param("id", id)
              .param("email", stored)
              .param("hash", passwords.encode(PASSWORD))
              .update();
          jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:id, 'RESIDENT')")
              .param("id", id)
              .update();
          if (promotedFromList) {
            jdbc.sql(
                    "INSERT INTO user_roles (user_id, role, from_admin_list) VALUES (:id, 'ADMIN', true)")
                .param("id", id)
                .update();
          }
        });
    return id;
  }
}
