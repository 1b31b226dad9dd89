package io.digitaltowns.benchmark.deployed;

import io.digitaltowns.benchmark.endtoend.EndToEndSteadyState;
import io.digitaltowns.benchmark.endtoend.Inbox;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The welcome mails received by the SMTP server in the servers' JVM ({@link LocalServersMain}'s
 * mail counter): who and when only, which is all the end-to-end run reads.
 */
final class RemoteInbox implements Inbox {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String counter;

  RemoteInbox(String counter) {
    this.counter = counter;
  }

  @Override
  public List<ReceivedMail> messages() {
    try {
      URI uri =
          URI.create(
              counter
                  + "?subject="
                  + URLEncoder.encode(EndToEndSteadyState.WELCOME_SUBJECT, StandardCharsets.UTF_8));
      String body =
          http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
              .body();
      List<ReceivedMail> mails = new ArrayList<>();
      long id = 0;
      for (String line : body.split("\n")) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
          continue;
        }
        long micros = Long.parseLong(line.substring(0, tab));
        Instant at = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
        mails.add(
            new ReceivedMail(
                ++id,
                "",
                Arrays.asList(line.substring(tab + 1).split(",")),
                EndToEndSteadyState.WELCOME_SUBJECT,
                "",
                null,
                at,
                null));
      }
      return mails;
    } catch (Exception e) {
      throw new IllegalStateException("the mail counter did not answer", e);
    }
  }

  @Override
  public void clear() {
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(counter)).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      throw new IllegalStateException("the mail counter did not answer", e);
    }
  }
}
