package io.digitaltowns.benchmark.deployed;

import com.sun.net.httpserver.HttpServer;
import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.LocalStackSettings;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The servers of the deployed benchmark in their own JVM: the local stack's PostgreSQL (its own
 * processes), Kafka broker, schema registry, SMTP server and S3 store, with every project topic
 * created. Prints their addresses as {@code [servers] key=value} lines and {@code [servers] ready},
 * then runs until its standard input closes (the benchmark JVM ended), and stops them.
 *
 * <p>The welcome mails are counted here, next to the SMTP server: {@code GET /mails?subject=...}
 * answers one line per mail (received at in epoch microseconds, tab, recipients separated by
 * commas), {@code DELETE /mails} forgets them; listing tens of thousands of mails with their bodies
 * through the mail API would cost the load generator more CPU than the system it measures.
 */
public final class LocalServersMain {

  private LocalServersMain() {}

  public static void main(String[] args) throws Exception {
    LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral());
    TopicCreator.ensure(stack.kafkaBootstrapServers(), Topics.all());
    HttpServer mails =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    mails.createContext(
        "/mails",
        exchange -> {
          try (exchange) {
            if ("DELETE".equals(exchange.getRequestMethod())) {
              stack.mail().clear();
              exchange.sendResponseHeaders(204, -1);
              return;
            }
            String query = exchange.getRequestURI().getQuery();
            String subject =
                query != null && query.startsWith("subject=")
                    ? java.net.URLDecoder.decode(
                        query.substring("subject=".length()), StandardCharsets.UTF_8)
                    : null;
            StringBuilder body = new StringBuilder();
            for (ReceivedMail mail : stack.mail().messages()) {
              if (subject == null || subject.equals(mail.subject())) {
                long micros =
                    mail.receivedAt().getEpochSecond() * 1_000_000
                        + mail.receivedAt().getNano() / 1_000;
                body.append(micros).append('\t').append(String.join(",", mail.to())).append('\n');
              }
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          }
        });
    mails.start();
    Map<String, Object> addresses = new LinkedHashMap<>();
    addresses.put("jdbcUrl", stack.jdbcUrl());
    addresses.put("databaseUser", stack.databaseUser());
    addresses.put(
        "databasePassword", stack.databasePassword() == null ? "" : stack.databasePassword());
    addresses.put("kafka", stack.kafkaBootstrapServers());
    addresses.put("schemaRegistry", stack.schemaRegistryUrl());
    addresses.put("smtpHost", stack.smtpHost());
    addresses.put("smtpPort", stack.smtpPort());
    addresses.put("mailCounter", "http://127.0.0.1:" + mails.getAddress().getPort() + "/mails");
    addresses.put("s3Endpoint", stack.s3Endpoint());
    addresses.put("s3Region", stack.s3Region());
    addresses.put("s3AccessKey", stack.s3AccessKey());
    addresses.put("s3SecretKey", stack.s3SecretKey());
    addresses.put("dataDir", stack.settings().dataDir().toAbsolutePath());
    addresses.forEach((key, value) -> System.out.println("[servers] " + key + "=" + value));
    System.out.println("[servers] ready");
    System.out.flush();
    try (InputStream in = System.in) {
      while (in.read() >= 0) {
        // the benchmark JVM holds our standard input open while it runs
      }
    } catch (IOException e) {
      // closed: stop
    }
    mails.stop(0);
    stack.close();
    System.exit(0);
  }
}
