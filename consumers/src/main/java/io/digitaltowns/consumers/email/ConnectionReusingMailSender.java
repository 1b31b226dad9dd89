package io.digitaltowns.consumers.email;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring's SMTP sender, except that a connection stays open for the next mail. Opening one per mail
 * (what {@link JavaMailSenderImpl} does) costs a TCP connect, the server's greeting and EHLO before
 * the mail itself, and with a provider also the TLS handshake, a second EHLO and AUTH: on the local
 * stack that was about half of each mail's time, and the email consumer topped out near 40 mails/s
 * (issue 11, docs/benchmarks.md).
 *
 * <p>Each connection serves one thread at a time: a sender takes the most recently used idle
 * connection, or opens a new one, and puts it back after the mail. So there are at most as many
 * connections as threads sending at once (the email listeners' concurrency). A connection idle for
 * longer than {@link SmtpConnectionProperties#maxIdle()}, or that sent {@link
 * SmtpConnectionProperties#maxMessages()} mails, is closed instead of reused. After any failure a
 * connection is closed, not put back: its state is unknown.
 *
 * <p>What a mail may go through is unchanged: one attempt per call, the caller (the consumer's
 * retry) tries again after a failure. The one exception is a reused connection that breaks before
 * the server answered the mail (the server dropped it while it was idle): the mail is tried once
 * more at once on a new connection. That attempt is no more likely to repeat a mail than the
 * consumer's own retry would be.
 */
class ConnectionReusingMailSender extends JavaMailSenderImpl implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ConnectionReusingMailSender.class);
  private static final String HEADER_MESSAGE_ID = "Message-ID";

  private final long maxIdleNanos;
  private final int maxMessages;

  /** Most recently used first; guarded by itself. */
  private final Deque<Connection> idle = new ArrayDeque<>();

  private boolean closed;

  ConnectionReusingMailSender(SmtpConnectionProperties settings) {
    this.maxIdleNanos = settings.maxIdle().toNanos();
    this.maxMessages = settings.maxMessages();
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages)
      throws MailException {
    Map<Object, Exception> failures = new LinkedHashMap<>();
    for (int i = 0; i < mimeMessages.length; i++) {
      Object original = originalMessages != null ? originalMessages[i] : mimeMessages[i];
      try {
        sendOverPooledConnection(mimeMessages[i]);
      } catch (MailException e) {
        throw e; // no connection to the server (or no login): as Spring's own sender reports it
      } catch (MessagingException | RuntimeException e) {
        failures.put(original, e);
      }
    }
    if (!failures.isEmpty()) {
      // the cause lets the caller see what the server said (a refused recipient is permanent, an
      // outage is not)
      throw new MailSendException(null, failures.values().iterator().next(), failures);
    }
  }

  private void sendOverPooledConnection(MimeMessage message) throws MessagingException {
    prepare(message);
    Address[] recipients = message.getAllRecipients();
    Connection connection = borrow();
    try {
      connection.transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
    } catch (MessagingException | RuntimeException e) {
      connection.close();
      if (!connection.reused() || !droppedWhileIdle(e)) {
        throw e; // a new connection that failed, or a server that answered the mail: the consumer's
        // retry decides
      }
      log.debug(
          "reused SMTP connection failed ({}); trying the mail once more on a new connection",
          e.getClass().getSimpleName());
      connection = open();
      try {
        connection.transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
      } catch (MessagingException | RuntimeException again) {
        connection.close();
        throw again;
      }
    }
    connection.sent++;
    giveBack(connection);
  }

  /**
   * No answer to the mail (the socket was closed), or the 421 a server sends before it drops an
   * idle client, which the next command then reads as its answer. A refused sender or recipient is
   * an answer: not retried here.
   */
  private static boolean droppedWhileIdle(Exception failure) {
    if (failure instanceof SMTPSendFailedException smtp) {
      return smtp.getReturnCode() == -1 || smtp.getReturnCode() == 421;
    }
    return !(failure instanceof SendFailedException);
  }

  /** What {@link JavaMailSenderImpl} does to each message before it goes out. */
  private static void prepare(MimeMessage message) throws MessagingException {
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      // saveChanges() replaced the Message-ID a caller may have set on purpose
      message.setHeader(HEADER_MESSAGE_ID, messageId);
    }
  }

  private Connection borrow() {
    List<Connection> expired = new ArrayList<>();
    Connection found = null;
    long now = System.nanoTime();
    synchronized (idle) {
      for (Iterator<Connection> it = idle.iterator(); it.hasNext(); ) {
        Connection candidate = it.next();
        if (!candidate.usable(now)) {
          it.remove();
          expired.add(candidate);
        } else if (found == null) {
          it.remove();
          found = candidate;
        }
      }
    }
    expired.forEach(Connection::close);
    return found != null ? found : open();
  }

  private void giveBack(Connection connection) {
    connection.lastUsed = System.nanoTime();
    synchronized (idle) {
      if (!closed && connection.sent < maxMessages) {
        idle.addFirst(connection);
        return;
      }
    }
    connection.close();
  }

  private Connection open() {
    try {
      Connection connection = new Connection(connectTransport());
      log.debug("opened an SMTP connection");
      return connection;
    } catch (AuthenticationFailedException e) {
      throw new MailAuthenticationException(e);
    } catch (MessagingException e) {
      throw new MailSendException("Mail server connection failed", e);
    }
  }

  /** Closes the idle connections; one in use is closed when its mail is done. */
  @Override
  public void destroy() {
    List<Connection> open;
    synchronized (idle) {
      closed = true;
      open = new ArrayList<>(idle);
      idle.clear();
    }
    open.forEach(Connection::close);
  }

  /** How many connections wait for the next mail (for tests). */
  int idleConnections() {
    synchronized (idle) {
      return idle.size();
    }
  }

  private final class Connection {

    private final Transport transport;
    private int sent;
    private long lastUsed = System.nanoTime();

    Connection(Transport transport) {
      this.transport = transport;
    }

    boolean reused() {
      return sent > 0;
    }

    boolean usable(long now) {
      return sent < maxMessages && now - lastUsed < maxIdleNanos;
    }

    void close() {
      try {
        transport.close();
      } catch (MessagingException | RuntimeException e) {
        log.debug("closing an SMTP connection failed ({})", e.getClass().getSimpleName());
      }
    }
  }
}
