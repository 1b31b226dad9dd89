package io.digitaltowns.infra.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.digitaltowns.infra.http.JsonExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/messages} lists the received mails as JSON, {@code DELETE /api/messages} forgets
 * them.
 */
final class MailApi implements HttpHandler {

  private final MailServer mail;
  private final ObjectMapper json = new ObjectMapper();

  MailApi(MailServer mail) {
    this.mail = mail;
  }

  @Override
  public void handle(HttpExchange httpExchange) throws IOException {
    JsonExchange exchange = new JsonExchange(httpExchange, json, "application/json");
    try {
      if (!exchange.pathSegments().equals(List.of("api", "messages"))) {
        exchange.respond(404, Map.of("error", "not found"));
      } else if (exchange.method().equals("GET")) {
        exchange.respond(200, mail.messages().stream().map(MailApi::describe).toList());
      } else if (exchange.method().equals("DELETE")) {
        mail.clear();
        exchange.respondEmpty(204);
      } else {
        exchange.respond(405, Map.of("error", "method not allowed"));
      }
    } finally {
      httpExchange.close();
    }
  }

  private static Map<String, Object> describe(ReceivedMail mail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", mail.id());
    body.put("from", mail.from());
    body.put("to", mail.to());
    body.put("subject", mail.subject());
    body.put("text", mail.text());
    body.put("html", mail.html());
    body.put("receivedAt", mail.receivedAt().toString());
    body.put("messageId", mail.messageId());
    return body;
  }
}
