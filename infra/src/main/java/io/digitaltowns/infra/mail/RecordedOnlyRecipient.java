package io.digitaltowns.infra.mail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/**
 * The recipient GreenMail hands every accepted mail to. {@link MailServer} serves SMTP only and
 * keeps its own list of received mails, so GreenMail's per-user mailboxes were never read; creating
 * one per new address made each delivery scan every user created so far (a linear lookup), and the
 * test SMTP server, not the system, became the slowest part of the benchmark's mail path after some
 * thousand registrations.
 */
final class RecordedOnlyRecipient implements GreenMailUser {

  private final String email;

  RecordedOnlyRecipient(String email) {
    this.email = email;
  }

  @Override
  public String getEmail() {
    return email;
  }

  @Override
  public String getLogin() {
    return email;
  }

  @Override
  public void deliver(MovingMessage message) {
    // already recorded by MailServer
  }

  @Override
  public void deliver(MimeMessage message) {
    // already recorded by MailServer
  }

  @Override
  public void create() {
    // no mailbox
  }

  @Override
  public void delete() {
    // no mailbox
  }

  @Override
  public String getPassword() {
    return null;
  }

  @Override
  public void setPassword(String password) {
    // authentication is disabled
  }

  @Override
  public void authenticate(String password) {
    // authentication is disabled
  }

  @Override
  public String getQualifiedMailboxName() {
    return email;
  }
}
