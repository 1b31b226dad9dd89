package io.digitaltowns.api.crm;

import io.digitaltowns.api.accounts.AccountContacts;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.crm.CrmNoteAdded;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes admins write on a company. A note is only an event ({@code CrmNoteAdded}, topic {@code
 * dt.crm.events}, key = business id) written to the outbox: the {@code crm} consumer group puts it
 * on the company's timeline, like everything else there, so a rebuilt read model keeps it.
 */
@Service
public class CrmNotes {

  private final CrmReadModel readModel;
  private final AccountContacts accounts;
  private final OutboxWriter outbox;

  CrmNotes(CrmReadModel readModel, AccountContacts accounts, OutboxWriter outbox) {
    this.readModel = readModel;
    this.accounts = accounts;
    this.outbox = outbox;
  }

  /**
   * @return the new note's id
   */
  @Transactional
  public UUID add(UUID businessId, UUID authorId, String text, String traceId) {
    readModel.company(businessId.toString()).orElseThrow(CompanyNotFoundException::new);
    String authorName =
        accounts.of(authorId).map(AccountContacts.Contact::displayName).orElse(null);
    UUID noteId = UUID.randomUUID();
    outbox.publish(
        businessId,
        traceId,
        CrmNoteAdded.newBuilder()
            .setNoteId(noteId.toString())
            .setBusinessId(businessId.toString())
            .setAuthorId(authorId.toString())
            .setAuthorName(authorName)
            .setText(text.strip()));
    return noteId;
  }
}
