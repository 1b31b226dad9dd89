package io.digitaltowns.api.businesses.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Residents writing to a published business. */
class BusinessContactTest extends ApiHttpTest {

  private Member admin;
  private Member owner;
  private UUID business;

  @BeforeEach
  void publishedListing() {
    admin = admin();
    owner = registerAndSignIn("contacted-owner");
    UUID town =
        createTown(
            admin, "contact-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
    HttpResponse<String> created =
        post(
            "/api/businesses",
            owner.accessToken(),
            json()
                .put("townId", town.toString())
                .put("name", "Answering Bakery")
                .put("category", "BAKERY")
                .put("description", "Bread and answers"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    business = UUID.fromString(read(created).get("id").asText());
    assertThat(
            post("/api/businesses/" + business + "/submit", owner.accessToken(), null).statusCode())
        .isEqualTo(200);
    assertThat(
            post("/api/admin/businesses/" + business + "/approve", admin.accessToken(), null)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void a_resident_whose_address_is_not_verified_may_not_contact_a_business_and_nothing_is_sent() {
    Member unverified = registerAndSignIn("unverified-sender");
    long before = contacted();

    HttpResponse<String> refused =
        post(
            "/api/businesses/" + business + "/contact",
            unverified.accessToken(),
            json().put("message", "SECURITY ALERT: confirm your account at http://evil.example"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(read(refused).get("reason").asText()).isEqualTo("email-not-verified");
    assertThat(read(refused).get("detail").asText()).contains("Confirm your email address");
    assertThat(contacted()).isEqualTo(before);
  }

  @Test
  void a_resident_with_a_verified_address_reaches_the_owner() {
    Member resident = verified(registerAndSignIn("verified-sender"));

    HttpResponse<String> sent =
        post(
            "/api/businesses/" + business + "/contact",
            resident.accessToken(),
            json().put("message", "Do you bake rye on Sundays?"));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    assertThat(read(sent).get("messageId").asText()).isNotBlank();
    assertThat(contacted()).isEqualTo(1);
  }

  private long contacted() {
    return jdbc.sql(
            "SELECT count(*) FROM outbox WHERE aggregate_id = :id AND event_type = 'BusinessContacted'")
        .param("id", business.toString())
        .query(Long.class)
        .single();
  }
}
