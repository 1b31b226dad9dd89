package io.digitaltowns.api.site.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.site.SiteClient;
import io.digitaltowns.api.site.SitePageTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations page over plain HTTP: what it shows of the relay, the consumer groups and the dead
 * letters (one produced to a dead-letter topic on the real Kafka), and its redrive button under the
 * rule of ops dlt redrive.
 */
class OperationsPagesTest extends SitePageTest {

  private DeadLetteredRecord deadLetter;
  private SiteClient admin;

  @BeforeEach
  void aDeadLetterAndAnAdmin() throws Exception {
    deadLetter = new DeadLetteredRecord();
    admin = signedIn(admin());
  }

  @Test
  void an_admin_sees_the_relay_the_consumer_lag_and_the_dead_letter_with_its_reason() {
    HttpResponse<String> page = admin.get("/admin/operations");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "<h1>Operations</h1>",
            "Relay",
            "Replication slot",
            "dt_outbox_relay",
            "Consumer lag",
            "Dead letters",
            deadLetter.dlt,
            deadLetter.topic + " 0@41",
            "UserRegistered",
            "SendFailedException: 550 mailbox unavailable",
            "name=\"topic\" value=\"" + deadLetter.dlt + "\"");
  }

  @Test
  void a_redrive_sends_the_record_back_once_and_records_it_where_ops_dlt_redrive_looks() {
    Map<String, String> record = Map.of("topic", deadLetter.dlt, "partition", "0", "offset", "0");

    HttpResponse<String> first =
        admin.submit("/admin/operations", "/admin/operations/redrive", record);
    HttpResponse<String> after = admin.get(first.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> second =
        admin.submit("/admin/operations", "/admin/operations/redrive", record);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
    assertThat(after.body())
        .contains("role=\"status\"", "Sent " + deadLetter.dlt + " 0:0 back to " + deadLetter.topic);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body())
        .contains(
            "role=\"alert\"", deadLetter.dlt + " 0:0 was already redriven", "nothing was sent");
    assertThat(deadLetter.onTheOriginalTopic())
        .singleElement()
        .satisfies(
            redriven -> {
              assertThat(new String(redriven.key(), StandardCharsets.UTF_8))
                  .isEqualTo(deadLetter.key);
              assertThat(
                      new String(
                          redriven.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8))
                  .isEqualTo(deadLetter.eventId);
              assertThat(redriven.headers().lastHeader("kafka_dlt-original-topic")).isNull();
            });
    assertThat(deadLetter.recordedAsRedriven()).isTrue();
  }

  @Test
  void a_redrive_without_the_forms_csrf_token_is_refused_and_sends_nothing() {
    HttpResponse<String> forged =
        admin.post(
            "/admin/operations/redrive",
            Map.of("topic", deadLetter.dlt, "partition", "0", "offset", "0"));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(deadLetter.onTheOriginalTopic()).isEmpty();
    assertThat(deadLetter.recordedAsRedriven()).isFalse();
  }

  @Test
  void
      a_record_that_is_not_there_or_a_topic_that_is_not_a_dead_letter_topic_is_a_404_with_the_reason() {
    HttpResponse<String> noSuchOffset =
        admin.submit(
            "/admin/operations",
            "/admin/operations/redrive",
            Map.of("topic", deadLetter.dlt, "partition", "0", "offset", "7"));
    HttpResponse<String> notADeadLetterTopic =
        admin.submit(
            "/admin/operations",
            "/admin/operations/redrive",
            Map.of("topic", deadLetter.topic, "partition", "0", "offset", "0"));

    assertThat(noSuchOffset.statusCode()).isEqualTo(404);
    assertThat(noSuchOffset.body()).contains("no record at " + deadLetter.dlt + " 0:7");
    assertThat(notADeadLetterTopic.statusCode()).isEqualTo(404);
    assertThat(notADeadLetterTopic.body()).contains("not a dead-letter topic");
    assertThat(deadLetter.onTheOriginalTopic()).isEmpty();
  }

  @Test
  void a_resident_gets_the_403_page_and_cannot_redrive() {
    SiteClient resident = signedIn(registerAndSignIn("ops-page-resident"));

    HttpResponse<String> page = resident.get("/admin/operations");
    HttpResponse<String> redrive =
        resident.submit(
            "/account",
            "/admin/operations/redrive",
            Map.of("topic", deadLetter.dlt, "partition", "0", "offset", "0"));

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Not for you").doesNotContain(deadLetter.dlt);
    assertThat(redrive.statusCode()).isEqualTo(403);
    assertThat(deadLetter.onTheOriginalTopic()).isEmpty();
  }

  @Test
  void the_former_ops_page_address_leads_to_the_operations_page() {
    for (String former : new String[] {"/ops", "/ops/", "/ops/index.html"}) {
      HttpResponse<String> answer = browser().get(former);

      assertThat(answer.statusCode()).as(former).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location"))
          .as(former)
          .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/operations"));
    }
  }

  @Test
  void the_page_has_nothing_inline_that_the_content_security_policy_would_block() {
    String page = admin.get("/admin/operations").body();

    assertThat(page).doesNotContain("<style");
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find())
        .as("inline script")
        .isFalse();
    assertThat(
            Pattern.compile("\\s(style|on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE)
                .matcher(page)
                .find())
        .as("inline style or event attribute")
        .isFalse();
  }
}
