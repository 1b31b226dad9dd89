package io.digitaltowns.benchmark.endtoend;

import io.digitaltowns.infra.mail.MailServer;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.util.List;

/**
 * The mails the SMTP server received: the server itself in this JVM, or one in the servers' own
 * JVM.
 */
public interface Inbox {

  List<ReceivedMail> messages();

  void clear();

  static Inbox of(MailServer server) {
    return new Inbox() {
      @Override
      public List<ReceivedMail> messages() {
        return server.messages();
      }

      @Override
      public void clear() {
        server.clear();
      }
    };
  }
}
