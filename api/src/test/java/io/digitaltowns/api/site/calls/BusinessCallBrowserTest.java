package io.digitaltowns.api.site.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.digitaltowns.api.CloudflareCallsStub;
import io.digitaltowns.api.site.browser.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A resident's video call with a business, in Chromium, against the local stand-in for Cloudflare's Calls API
 * (POST /v1/apps/{appId}/sessions/new). Cloudflare Calls is configured in this context; ProviderSignInBrowserTest
 * checks the button is absent where it is not.
 */
class BusinessCallBrowserTest extends BrowserTest {

  private static final String NEW_SESSION = "/v1/apps/" + CloudflareCallsStub.APP_ID + "/sessions/new";
  /** the room page's script's call, as the script makes it (session cookie and the form's CSRF token) */
  private static final String JOIN = """
      async ([offer]) => {
        const form = document.querySelector('[data-call-join]');
        const response = await fetch(form.dataset.sessionUrl, { method: 'POST', headers: { 'Content-Type':
            'application/json', 'X-CSRF-TOKEN': form.querySelector('input[type=hidden]').value },
            body: JSON.stringify({ sdp: offer }) });
        return { status: response.status, body: await response.text() };
      }""";

  private final WireMockServer cloudflare = CloudflareCallsStub.shared();
  private Member owner;
  private UUID businessId;

  @BeforeEach
  void aPublishedBusiness() {
    Member admin = admin();
    owner = registerAndSignIn("call-owner");
    UUID town = createTown(admin, "call-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
    businessId = publishedBusiness(owner, admin, town, "Video Vet");
  }

  @Test
  void a_confirmed_resident_asks_for_a_call_the_owner_is_mailed_the_room_and_both_join_it() {
    Member resident = verified(registerAndSignIn("caller"));
    signIn(page, resident);
    page.navigate("/businesses/" + businessId);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Video call"))).isVisible();
    checkAndCapture("business-with-call-button");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for a video call")).click();

    page.waitForURL("**/my/calls/*");
    String roomPath = page.url().substring(page.url().indexOf("/my/calls/"));
    UUID callId = UUID.fromString(roomPath.substring("/my/calls/".length()));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Video call with Video Vet")))
        .isVisible();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join with camera and microphone")))
        .isVisible();
    checkAndCapture("call-room-resident");
    // the owner's mail: the contact message the email consumer sends, carrying the room's link
    List<byte[]> messages = jdbc.sql("""
            SELECT payload FROM outbox WHERE aggregate_id = :id AND event_type = 'BusinessContacted'
            """).param("id", businessId.toString()).query(byte[].class).list();
    assertThat(messages).singleElement().satisfies(payload ->
        assertThat(new String(payload, StandardCharsets.UTF_8)).contains(roomPath));

    cloudflare.stubFor(WireMock.post(urlEqualTo(NEW_SESSION))
        .withHeader("Authorization", equalTo("Bearer " + CloudflareCallsStub.APP_SECRET))
        .withRequestBody(equalToJson("{\"sessionDescription\":{\"type\":\"offer\",\"sdp\":\"v=0 resident\"}}"))
        .willReturn(json201("resident-session", "v=0 answer for the resident")));
    cloudflare.stubFor(WireMock.post(urlEqualTo(NEW_SESSION))
        .withRequestBody(equalToJson("{\"sessionDescription\":{\"type\":\"offer\",\"sdp\":\"v=0 owner\"}}"))
        .willReturn(json201("owner-session", "v=0 answer for the owner")));
    Map<String, Object> residentJoined = join(page, "v=0 resident");
    assertThat(residentJoined.get("status")).isEqualTo(200);
    assertThat((String) residentJoined.get("body")).contains("\"sessionId\":\"resident-session\"",
        "\"answerSdp\":\"v=0 answer for the resident\"", "\"otherSession\":null").doesNotContain(CloudflareCallsStub.APP_SECRET);

    BrowserContext ownersBrowser = newBrowserContext();
    try {
      Page ownersPage = ownersBrowser.newPage();
      signIn(ownersPage, owner);
      ownersPage.navigate(roomPath);
      assertThat(ownersPage.getByText("A resident asked your business for a live video call")).isVisible();
      Map<String, Object> ownerJoined = join(ownersPage, "v=0 owner");
      assertThat((String) ownerJoined.get("body")).contains("\"sessionId\":\"owner-session\"",
          "\"otherSession\":\"resident-session\"");
    } finally {
      ownersBrowser.close();
    }
    assertThat(jdbc.sql("SELECT resident_session || ' ' || owner_session FROM business_calls WHERE id = :id")
        .param("id", callId).query(String.class).single()).isEqualTo("resident-session owner-session");
    cloudflare.verify(2, postRequestedFor(urlEqualTo(NEW_SESSION)));
  }

  @Test
  void nobody_else_finds_the_room_and_joining_needs_the_pages_csrf_token() {
    Member resident = verified(registerAndSignIn("asker"));
    signIn(page, resident);
    page.navigate("/businesses/" + businessId);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for a video call")).click();
    page.waitForURL("**/my/calls/*");
    String roomPath = page.url().substring(page.url().indexOf("/my/calls/"));

    Object withoutToken = page.evaluate("async (url) => (await fetch(url, { method: 'POST', headers: { 'Content-Type':"
        + " 'application/json' }, body: '{\"sdp\":\"v=0\"}' })).status", roomPath + "/session");
    assertThat(withoutToken).isEqualTo(403);

    BrowserContext strangersBrowser = newBrowserContext();
    try {
      Page strangersPage = strangersBrowser.newPage();
      signIn(strangersPage, verified(registerAndSignIn("stranger")));
      com.microsoft.playwright.Response response = strangersPage.navigate(roomPath);
      assertThat(response.status()).isEqualTo(404);
      assertThat(strangersPage.getByText("Video Vet")).hasCount(0);
    } finally {
      strangersBrowser.close();
    }
  }

  @Test
  void a_visitor_is_asked_to_sign_in_first_and_the_owner_gets_no_button_on_their_own_listing() {
    page.navigate("/businesses/" + businessId);
    assertThat(page.getByText("to ask for a video call")).isVisible();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for a video call"))).hasCount(0);

    signIn(page, owner);
    page.navigate("/businesses/" + businessId);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Video call"))).hasCount(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> join(Page on, String offer) {
    return (Map<String, Object>) on.evaluate(JOIN, List.of(offer));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json201(String sessionId, String sdp) {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"sessionId\":\"" + sessionId + "\",\"sessionDescription\":{\"type\":\"answer\",\"sdp\":\"" + sdp + "\"}}");
  }
}
