package io.digitaltowns.api.site.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
 * A resident's video call with a business, in Chromium, against the local stand-in for Cloudflare's
 * Calls API (POST /v1/apps/{appId}/sessions/new). Cloudflare Calls is configured in this context;
 * ProviderSignInBrowserTest checks the button is absent where it is not.
 */
class BusinessCallBrowserTest extends BrowserTest {

  private static final String APP = "/v1/apps/" + CloudflareCallsStub.APP_ID;
  private static final String NEW_SESSION = APP + "/sessions/new";

  /**
   * a call of the room page's script, as the script makes it (session cookie and the form's CSRF
   * token)
   */
  private static final String CALL =
      """
      async ([method, path, body]) => {
        const form = document.querySelector('[data-call-join]');
        const response = await fetch(form.dataset.roomUrl + path, { method: method, headers: { 'Content-Type':
            'application/json', 'X-CSRF-TOKEN': form.querySelector('input[type=hidden]').value },
            body: body === null ? undefined : body });
        return { status: response.status, body: await response.text() };
      }""";

  private final WireMockServer cloudflare = CloudflareCallsStub.shared();
  private Member owner;
  private UUID businessId;

  @BeforeEach
  void aPublishedBusiness() {
    Member admin = admin();
    owner = registerAndSignIn("call-owner");
    UUID town =
        createTown(admin, "call-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
    businessId = publishedBusiness(owner, admin, town, "Video Vet");
  }

  @Test
  void a_confirmed_resident_asks_for_a_call_the_owner_is_mailed_the_room_and_both_join_it() {
    Member resident = verified(registerAndSignIn("caller"));
    signIn(page, resident);
    page.navigate("/businesses/" + businessId);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Video call")))
        .isVisible();
    checkAndCapture("business-with-call-button");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for a video call"))
        .click();

    page.waitForURL("**/my/calls/*");
    String roomPath = page.url().substring(page.url().indexOf("/my/calls/"));
    UUID callId = UUID.fromString(roomPath.substring("/my/calls/".length()));
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Video call with Video Vet")))
        .isVisible();
    assertThat(
            page.getByRole(
                AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Join with camera and microphone")))
        .isVisible();
    checkAndCapture("call-room-resident");
    // the owner's mail: the contact message the email consumer sends, carrying the room's link
    List<byte[]> messages =
        jdbc.sql(
                """
            SELECT payload FROM outbox WHERE aggregate_id = :id AND event_type = 'BusinessContacted'
            """)
            .param("id", businessId.toString())
            .query(byte[].class)
            .list();
    assertThat(messages)
        .singleElement()
        .satisfies(
            payload -> assertThat(new String(payload, StandardCharsets.UTF_8)).contains(roomPath));

    // Cloudflare's Calls API: a session for each side, their tracks published, then each pulls the
    // other's
    cloudflare.stubFor(
        WireMock.post(urlEqualTo(NEW_SESSION))
            .withHeader("Authorization", equalTo("Bearer " + CloudflareCallsStub.APP_SECRET))
            .inScenario("sessions")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(json201("{\"sessionId\":\"resident-session\"}"))
            .willSetStateTo("owner next"));
    cloudflare.stubFor(
        WireMock.post(urlEqualTo(NEW_SESSION))
            .inScenario("sessions")
            .whenScenarioStateIs("owner next")
            .willReturn(json201("{\"sessionId\":\"owner-session\"}")));
    for (String side : List.of("resident", "owner")) {
      cloudflare.stubFor(
          WireMock.post(urlEqualTo(APP + "/sessions/" + side + "-session/tracks/new"))
              .withRequestBody(
                  equalToJson(
                      "{\"sessionDescription\":{\"type\":\"offer\",\"sdp\":\"v=0 "
                          + side
                          + "\"},"
                          + "\"tracks\":[{\"location\":\"local\",\"mid\":\"0\",\"trackName\":\"audio\"},"
                          + "{\"location\":\"local\",\"mid\":\"1\",\"trackName\":\"video\"}]}"))
              .willReturn(
                  json201(
                      "{\"requiresImmediateRenegotiation\":false,\"sessionDescription\":{\"type\":\"answer\","
                          + "\"sdp\":\"v=0 answer for the "
                          + side
                          + "\"}}")));
    }
    cloudflare.stubFor(
        WireMock.post(urlEqualTo(APP + "/sessions/owner-session/tracks/new"))
            .withRequestBody(
                equalToJson(
                    "{\"tracks\":[{\"location\":\"remote\",\"sessionId\":\"resident-session\","
                        + "\"trackName\":\"audio\"},{\"location\":\"remote\",\"sessionId\":\"resident-session\",\"trackName\":\"video\"}]}"))
            .willReturn(
                json201(
                    "{\"requiresImmediateRenegotiation\":true,\"sessionDescription\":{\"type\":\"offer\","
                        + "\"sdp\":\"v=0 the resident's tracks\"}}")));
    cloudflare.stubFor(
        WireMock.put(urlEqualTo(APP + "/sessions/owner-session/renegotiate"))
            .withRequestBody(
                equalToJson(
                    "{\"sessionDescription\":{\"type\":\"answer\",\"sdp\":\"v=0 owner takes them\"}}"))
            .willReturn(json201("{}").withStatus(200)));

    Map<String, Object> residentJoined = call(page, "POST", "/session", joinBody("v=0 resident"));
    assertThat(residentJoined.get("status")).isEqualTo(200);
    assertThat((String) residentJoined.get("body"))
        .contains(
            "\"sessionId\":\"resident-session\"",
            "\"answerSdp\":\"v=0 answer for the resident\"",
            "\"otherSideJoined\":false")
        .doesNotContain(CloudflareCallsStub.APP_SECRET);
    assertThat((String) call(page, "GET", "/other-side", null).get("body"))
        .isEqualTo("{\"joined\":false}");
    assertThat(call(page, "POST", "/pull", null).get("status")).isEqualTo(409);

    BrowserContext ownersBrowser = newBrowserContext();
    try {
      Page ownersPage = ownersBrowser.newPage();
      signIn(ownersPage, owner);
      ownersPage.navigate(roomPath);
      assertThat(ownersPage.getByText("A resident asked your business for a live video call"))
          .isVisible();
      checkAndCapture(ownersPage, "call-room-owner");
      Map<String, Object> ownerJoined = call(ownersPage, "POST", "/session", joinBody("v=0 owner"));
      assertThat((String) ownerJoined.get("body"))
          .contains("\"sessionId\":\"owner-session\"", "\"otherSideJoined\":true");
      Map<String, Object> pulled = call(ownersPage, "POST", "/pull", null);
      assertThat((String) pulled.get("body")).isEqualTo("{\"sdp\":\"v=0 the resident's tracks\"}");
      assertThat(
              call(ownersPage, "POST", "/answer", "{\"sdp\":\"v=0 owner takes them\"}")
                  .get("status"))
          .isEqualTo(204);
    } finally {
      ownersBrowser.close();
    }
    assertThat((String) call(page, "GET", "/other-side", null).get("body"))
        .isEqualTo("{\"joined\":true}");
    assertThat(
            jdbc.sql(
                    "SELECT resident_session || ' ' || owner_session FROM business_calls WHERE id = :id")
                .param("id", callId)
                .query(String.class)
                .single())
        .isEqualTo("resident-session owner-session");
    cloudflare.verify(
        1, WireMock.putRequestedFor(urlEqualTo(APP + "/sessions/owner-session/renegotiate")));
  }

  @Test
  void nobody_else_finds_the_room_and_joining_needs_the_pages_csrf_token() {
    Member resident = verified(registerAndSignIn("asker"));
    signIn(page, resident);
    page.navigate("/businesses/" + businessId);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for a video call"))
        .click();
    page.waitForURL("**/my/calls/*");
    String roomPath = page.url().substring(page.url().indexOf("/my/calls/"));

    Object withoutToken =
        page.evaluate(
            "async (url) => (await fetch(url, { method: 'POST', headers: { 'Content-Type':"
                + " 'application/json' }, body: '"
                + joinBody("v=0")
                + "' })).status",
            roomPath + "/session");
    assertThat(withoutToken).isEqualTo(403);
    // an offer without its tracks, or with one kind twice, is refused before Cloudflare is asked
    assertThat(call(page, "POST", "/session", "{\"sdp\":\"v=0\",\"tracks\":[]}").get("status"))
        .isEqualTo(400);
    assertThat(
            call(
                    page,
                    "POST",
                    "/session",
                    "{\"sdp\":\"v=0\",\"tracks\":[{\"mid\":\"0\",\"kind\":\"video\"},"
                        + "{\"mid\":\"1\",\"kind\":\"video\"}]}")
                .get("status"))
        .isEqualTo(400);

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
    assertThat(
            page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for a video call")))
        .hasCount(0);

    signIn(page, owner);
    page.navigate("/businesses/" + businessId);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Video call")))
        .hasCount(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> call(Page on, String method, String path, String body) {
    return (Map<String, Object>) on.evaluate(CALL, java.util.Arrays.asList(method, path, body));
  }

  private static String joinBody(String offer) {
    return "{\"sdp\":\""
        + offer
        + "\",\"tracks\":[{\"mid\":\"0\",\"kind\":\"audio\"},{\"mid\":\"1\",\"kind\":\"video\"}]}";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json201(
      String body) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
