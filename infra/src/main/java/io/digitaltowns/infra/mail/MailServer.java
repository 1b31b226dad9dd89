package io.digitaltowns.infra.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.digitaltowns.infra.http.JsonHttpServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail) that accepts any mail without authentication, a JSON endpoint to
 * see what arrived, and on the same port the inbox page ({@link InboxPage}) that shows each mail as
 * a mail client would. {@link #stop()} takes only SMTP down (tests use it to simulate an outage)
 * while the JSON endpoint keeps answering; {@link #start()} brings SMTP back; {@link #close()}
 * stops both. Received mails are kept across restarts.
 */
public final class MailServer {

  private static final Logger log = LoggerFactory.getLogger(MailServer.class);

  private final int smtpPort;
  private final int apiPort;
  private final AtomicLong numbers = new AtomicLong();
  private final List<AcceptedMail> received = Collections.synchronizedList(new ArrayList<>());

  /**
   * GreenMail delivers a mail once per recipient; this remembers which SMTP transactions were
   * recorded already.
   */
  private final Set<MovingMessage> recorded =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private final JsonHttpServer api;
  private GreenMail smtp;

  public MailServer(int smtpPort, int apiPort) {
    this.smtpPort = smtpPort;
    this.apiPort = apiPort;
    MailApi json = new MailApi(this);
    InboxPage page = new InboxPage(this);
    // /api/... is the JSON endpoint tests and scripts read; everything else is the inbox page
    // people read
    this.api =
        new JsonHttpServer(
            "mail-api",
            apiPort,
            exchange ->
                (exchange.getRequestURI().getPath().startsWith("/api/") ? json : page)
                    .handle(exchange));
  }

  public synchronized void start() {
    if (smtp == null) {
      GreenMail server =
          new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
              .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      server.start();
      server.getUserManager().setMessageDeliveryHandler(this::record);
      smtp = server;
    }
    api.start();
  }

  /** Stops accepting mail; the JSON endpoint stays up. */
  public synchronized void stop() {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
  }

  /** Stops SMTP and the JSON endpoint. */
  public synchronized void close() {
    stop();
    api.stop();
  }

  public synchronized boolean isRunning() {
    return smtp != null;
  }

  /**
   * Every mail received since the last {@link #clear()}, oldest first; one entry per mail, not per
   * recipient.
   */
  public List<ReceivedMail> messages() {
    List<AcceptedMail> accepted;
    synchronized (received) {
      accepted = List.copyOf(received);
    }
    return accepted.stream().map(AcceptedMail::read).filter(Objects::nonNull).toList();
  }

  public void clear() {
    received.clear();
  }

  public String host() {
    return "localhost";
  }

  public int smtpPort() {
    return smtpPort;
  }

  public int apiPort() {
    return apiPort;
  }

  /** The inbox page, for people: every received mail, its HTML part and its text part. */
  public String inboxUrl() {
    return "http://localhost:" + apiPort + "/";
  }

  public String apiUrl() {
    return "http://localhost:" + apiPort;
  }

  private GreenMailUser record(MovingMessage message, MailAddress recipient) {
    if (recorded.add(message)) {
      List<String> recipients =
          message.getToAddresses().stream().map(MailAddress::getEmail).toList();
      received.add(
          new AcceptedMail(
              numbers.incrementAndGet(), message.getMessage(), recipients, Instant.now()));
    }
    return new RecordedOnlyRecipient(recipient.getEmail());
  }
}
