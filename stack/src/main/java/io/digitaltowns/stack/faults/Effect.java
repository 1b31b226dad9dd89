package io.digitaltowns.stack.faults;

import io.digitaltowns.stack.faults.AcceptedCommand.Kind;
import java.util.List;

/** A side effect that an accepted command owes, exactly once. */
public enum Effect {
  /** every event of its aggregate committed up to the command is on Kafka, in commit order */
  RELAYED,
  /** ... and archived by the backup group */
  ARCHIVED,
  WELCOME_MAIL,
  CRM_CONTACT,
  CRM_COMPANY,
  REVIEW_MAIL,
  OWNER_MAIL,
  CRM_MESSAGE,
  /** the crm-sync group upserted the registered address's contact at HubSpot (the stand-in) */
  HUBSPOT_CONTACT;

  static List<Effect> owedBy(Kind kind) {
    return switch (kind) {
      case REGISTRATION -> List.of(RELAYED, ARCHIVED, WELCOME_MAIL, CRM_CONTACT, HUBSPOT_CONTACT);
      case LISTING -> List.of(RELAYED, ARCHIVED, CRM_COMPANY);
      case SUBMISSION -> List.of(RELAYED, ARCHIVED, REVIEW_MAIL);
      case CONTACT -> List.of(RELAYED, ARCHIVED, OWNER_MAIL, CRM_MESSAGE);
    };
  }
}
