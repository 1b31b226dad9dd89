package io.digitaltowns.stack.faults;

import java.time.Instant;

/**
 * A command the api acknowledged (2xx): from then on its effects must all happen, once each,
 * whatever fails.
 *
 * @param order the order in which the driver saw the acknowledgements (1, 2, ...)
 * @param kind what was asked
 * @param aggregate the id of the aggregate whose events it committed (the user, the business)
 * @param detail what tells its effects apart from others' of the same aggregate: the address a
 *     welcome mail goes to, the listing's name, the message's text
 */
public record AcceptedCommand(
    long order, Kind kind, String aggregate, String detail, Instant acceptedAt) {

  /** The commands of the steady traffic, each with the effects the checker looks for. */
  public enum Kind {
    /**
     * a resident registers: a welcome mail, a CRM contact, a HubSpot contact (crm-sync), one more
     * sign-up in analytics, its events archived
     */
    REGISTRATION,
    /** an owner creates a listing: a CRM company, its events archived */
    LISTING,
    /** the owner submits it for review: one mail to the admins */
    SUBMISSION,
    /**
     * a verified resident writes to a published business: one mail to its owner, one CRM activity
     */
    CONTACT
  }
}
