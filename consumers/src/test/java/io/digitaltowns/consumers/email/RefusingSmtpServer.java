package io.digitaltowns.consumers.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that answers every sender ({@code MAIL FROM}), every recipient ({@code RCPT TO})
 * and every end of a message's data with one fixed reply each, such as {@code 550 5.1.1 no such
 * user}; it keeps no mail.
 */
final class RefusingSmtpServer implements AutoCloseable {

  private static final String OK = "250 OK";

  private final LoopbackServer server;
  private final String senderReply;
  private final String recipientReply;
  private final String endOfDataReply;

  /** Refuses (or accepts) every recipient with this reply; accepts senders. */
  RefusingSmtpServer(String recipientReply) throws IOException {
    this(OK, recipientReply, OK);
  }

  RefusingSmtpServer(String senderReply, String recipientReply, String endOfDataReply)
      throws IOException {
    this.senderReply = senderReply;
    this.recipientReply = recipientReply;
    this.endOfDataReply = endOfDataReply;
    this.server = new LoopbackServer("refusing-smtp", this::serve);
  }

  static RefusingSmtpServer refusingSenders(String senderReply) throws IOException {
    return new RefusingSmtpServer(senderReply, OK, OK);
  }

  static RefusingSmtpServer refusingMessages(String endOfDataReply) throws IOException {
    return new RefusingSmtpServer(OK, OK, endOfDataReply);
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
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    reply(out, "220 refusing.test ESMTP");
    for (String line; (line = in.readLine()) != null; ) {
      String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
      switch (command) {
        case "EHLO", "HELO" -> reply(out, "250 refusing.test");
        case "MAIL" -> reply(out, senderReply);
        case "RCPT" -> reply(out, recipientReply);
        case "DATA" -> {
          reply(out, "354 go ahead");
          for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
            // the message itself: not kept
          }
          reply(out, endOfDataReply);
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, OK); // RSET, NOOP
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
