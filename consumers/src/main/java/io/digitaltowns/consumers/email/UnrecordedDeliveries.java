package io.digitaltowns.consumers.email;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mails the SMTP server accepted whose processed_events row has not committed (yet).
 *
 * <p>SMTP cannot join the database transaction: when the database fails after the server said 250
 * (a restart, a lost connection), the transaction rolls back and the consumer retries the record.
 * Without this memory the retry would send the mail a second time. With it, the retry in this
 * process records the event without sending. Only a crash of the process itself inside that window
 * can still repeat a mail; the {@code X-DigitalTowns-Event-Id} header lets a receiving system drop
 * it.
 */
@Component
class UnrecordedDeliveries {

  /**
   * Far more than the mails in flight between an SMTP answer and a commit; old entries are from
   * dead transactions.
   */
  private static final int CAPACITY = 10_000;

  private final Set<String> delivered =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<String, Boolean>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > CAPACITY;
                }
              }));

  boolean wasDelivered(OutgoingMail mail) {
    return delivered.contains(key(mail));
  }

  /**
   * Remembered until the surrounding transaction commits: from then on processed_events keeps the
   * event from running.
   */
  void delivered(OutgoingMail mail) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return; // no transaction to wait for: nothing can roll back under this mail
    }
    String key = key(mail);
    delivered.add(key);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
              delivered.remove(key);
            }
          }
        });
  }

  /** An event may send several mails (one per admin): each is remembered on its own. */
  private static String key(OutgoingMail mail) {
    return mail.eventId() + '\n' + mail.to() + '\n' + mail.subject();
  }
}
