package io.digitaltowns.infra.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The local inbox as a person reads it, so a newcomer sees what users get: {@code GET /} lists the
 * received mails, newest first; {@code GET /messages/{id}} shows one as a mail client would, its
 * HTML part in a sandboxed iframe and its text part below; {@code GET /messages/{id}/html} is the
 * HTML part alone.
 *
 * <p>A mail's HTML is someone else's markup (and a test may send a script on purpose): it is served
 * with a Content-Security-Policy that allows no script, no request to other hosts but images, and
 * no form, and framed with {@code sandbox} (no script, an origin of its own). Its links open the
 * site at the top, as in a mail client.
 */
final class InboxPage implements HttpHandler {

  /** The HTML part: inline styles and images only, framed by this page only. */
  static final String MAIL_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; "
          + "form-action 'none'; frame-ancestors 'self'";

  private static final String PAGE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; "
          + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final String STYLE =
      """
            body{margin:0;font-family:system-ui,sans-serif;color:#1d2430;background:#f4f6f8;line-height:1.5}
            main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}a{color:#0b5cad}
            table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.5rem;border-bottom:1px solid #c9d1da;vertical-align:top}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}dt{font-weight:600}dd{margin:0}
            iframe{width:100%;height:42rem;border:1px solid #c9d1da;background:#fff}
            pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #c9d1da;padding:1rem}
            """;

  private final MailServer mail;

  InboxPage(MailServer mail) {
    this.mail = mail;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      List<String> path =
          List.of(exchange.getRequestURI().getPath().split("/")).stream()
              .filter(segment -> !segment.isEmpty())
              .toList();
      if (!exchange.getRequestMethod().equalsIgnoreCase("GET")) {
        respond(exchange, 405, "text/plain", PAGE_POLICY, "method not allowed");
      } else if (path.isEmpty()) {
        respond(exchange, 200, "text/html", PAGE_POLICY, list());
      } else if (path.get(0).equals("messages") && (path.size() == 2 || path.size() == 3)) {
        Optional<ReceivedMail> found = find(path.get(1));
        if (found.isEmpty()) {
          respond(
              exchange,
              404,
              "text/html",
              PAGE_POLICY,
              page("Not found", "<p>No such mail. <a href=\"/\">All mails</a></p>"));
        } else if (path.size() == 2) {
          respond(exchange, 200, "text/html", PAGE_POLICY, show(found.get()));
        } else if (path.get(2).equals("html") && found.get().html() != null) {
          respond(exchange, 200, "text/html", MAIL_POLICY, framed(found.get().html()));
        } else {
          respond(exchange, 404, "text/plain", PAGE_POLICY, "this mail has no HTML part");
        }
      } else {
        respond(exchange, 404, "text/plain", PAGE_POLICY, "not found");
      }
    } finally {
      exchange.close();
    }
  }

  private Optional<ReceivedMail> find(String id) {
    return mail.messages().stream()
        .filter(received -> String.valueOf(received.id()).equals(id))
        .findFirst();
  }

  private String list() {
    List<ReceivedMail> messages = mail.messages();
    StringBuilder rows = new StringBuilder();
    for (int i = messages.size() - 1; i >= 0; i--) {
      ReceivedMail received = messages.get(i);
      rows.append("<tr><td>")
          .append(escape(TIME.format(received.receivedAt())))
          .append("</td><td>")
          .append(escape(String.join(", ", received.to())))
          .append("</td><td><a href=\"/messages/")
          .append(received.id())
          .append("\">")
          .append(escape(subjectOf(received)))
          .append("</a></td></tr>\n");
    }
    String body =
        messages.isEmpty()
            ? "<p>No mail yet. Mails the system sends (sign-up, password reset, listings, billing) appear here.</p>"
            : "<table><caption class=\"visually-hidden\">Received mails, newest first</caption>"
                + "<thead><tr><th scope=\"col\">Received</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th></tr></thead><tbody>\n"
                + rows
                + "</tbody></table>";
    return page(
        "Local inbox",
        "<p>Every mail sent to the local SMTP server, newest first. JSON: "
            + "<a href=\"/api/messages\">/api/messages</a>.</p>"
            + body);
  }

  private String show(ReceivedMail received) {
    StringBuilder body =
        new StringBuilder("<p><a href=\"/\">All mails</a></p><dl>")
            .append("<dt>From</dt><dd>")
            .append(escape(String.valueOf(received.from())))
            .append("</dd>")
            .append("<dt>To</dt><dd>")
            .append(escape(String.join(", ", received.to())))
            .append("</dd>")
            .append("<dt>Received</dt><dd>")
            .append(escape(TIME.format(received.receivedAt())))
            .append("</dd></dl>");
    if (received.html() != null) {
      // no allow-scripts, no allow-same-origin: the mail runs nothing and cannot read this page;
      // a click on one of its links opens the site at the top, as a mail client would
      body.append("<h2>HTML part</h2><iframe title=\"The mail's HTML part\" src=\"/messages/")
          .append(received.id())
          .append(
              "/html\" sandbox=\"allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation\""
                  + " referrerpolicy=\"no-referrer\"></iframe>");
    }
    body.append("<h2>Text part</h2><pre>").append(escape(received.text())).append("</pre>");
    return page(subjectOf(received), body.toString());
  }

  /** Links of the mail open at the top, not inside the frame (the site refuses to be framed). */
  private static String framed(String html) {
    int head = html.indexOf("<head>");
    return head < 0
        ? "<base target=\"_top\">" + html
        : html.substring(0, head + 6) + "<base target=\"_top\">" + html.substring(head + 6);
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + escape(title)
        + " - DigitalTowns local inbox</title><style>"
        + STYLE
        + ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}</style></head>"
        + "<body><main><h1>"
        + escape(title)
        + "</h1>"
        + body
        + "</main></body></html>";
  }

  private static String subjectOf(ReceivedMail received) {
    return received.subject() == null || received.subject().isBlank()
        ? "(no subject)"
        : received.subject();
  }

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void respond(
      HttpExchange exchange, int status, String type, String policy, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().set("Content-Security-Policy", policy);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
