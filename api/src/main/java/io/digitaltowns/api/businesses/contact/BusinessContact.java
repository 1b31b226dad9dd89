package io.digitaltowns.api.businesses.contact;

import io.digitaltowns.api.accounts.AccountContacts;
import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.listing.BusinessListings;
import io.digitaltowns.api.businesses.listing.BusinessNotFoundException;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.businesses.BusinessContacted;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident writes to a published business. The message travels as BusinessContacted: the email
 * consumer mails it to the owner, the CRM turns it into a lead. Only a sender whose address is
 * verified may write: the owner answers to that address.
 */
@Service
public class BusinessContact {

  private final BusinessListings listings;
  private final AccountContacts contacts;
  private final OutboxWriter events;

  BusinessContact(BusinessListings listings, AccountContacts contacts, OutboxWriter events) {
    this.listings = listings;
    this.contacts = contacts;
    this.events = events;
  }

  @Transactional
  public UUID send(Caller sender, UUID businessId, String message, String traceId) {
    Business business = listings.visibleTo(sender, businessId);
    if (business.status() != BusinessStatus.PUBLISHED) {
      throw new BusinessNotFoundException();
    }
    AccountContacts.Contact from = contacts.of(sender.userId()).orElseThrow();
    if (!from.emailVerified()) {
      throw new UnverifiedSenderException();
    }
    AccountContacts.Contact owner = contacts.of(business.ownerId()).orElseThrow();
    UUID messageId = UUID.randomUUID();
    events.publish(
        businessId,
        traceId,
        BusinessContacted.newBuilder()
            .setTownId(business.townId().toString())
            .setName(business.name())
            .setCategory(business.category().name())
            .setOwnerId(owner.userId().toString())
            .setOwnerEmail(owner.email())
            .setOwnerName(owner.displayName())
            .setMessageId(messageId.toString())
            .setSenderId(from.userId().toString())
            .setSenderName(from.displayName())
            .setSenderEmail(from.email())
            .setMessage(message.trim()));
    return messageId;
  }
}
