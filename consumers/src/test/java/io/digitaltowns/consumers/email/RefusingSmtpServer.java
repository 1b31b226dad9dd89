package io.digitaltowns.consumers.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An SMTP server that answers every recipient with one fixed reply, such as {@code 550 5.1.1 no such user}. */
final class RefusingSmtpServer implements AutoCloseable {

  private final LoopbackServer server;
  private final String recipientReply;

  RefusingSmtpServer(String recipientReply) throws IOException {
    this.recipientReply = recipientReply;
    this.server = new LoopbackServer("refusing-smtp", this::serve);
  }

  String host() {
    return server.host();
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void serve(Socket client) throws IOException {
    try (client) {
      converse(client);
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    reply(out, "220 refusing.test ESMTP");
    for (String line; (line = in.readLine()) != null; ) {
      String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
      switch (command) {
        case "EHLO", "HELO" -> reply(out, "250 refusing.test");
        case "RCPT" -> reply(out, recipientReply);
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "250 OK"); // MAIL, RSET, NOOP
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
