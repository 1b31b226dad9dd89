package io.digitaltowns.consumers.crm;

import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Timeline;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Lets the clean-up reactions to a deletion (other consumer groups: stripe-cleanup, photo-cleanup,
 * crm-sync) note on the company's CRM timeline what they did, in the transaction that records their
 * event as processed. An entry's id is the deletion event's id, the step and the company, so a
 * redelivered event adds nothing.
 *
 * <p>These entries come from effects, not from events alone: a read model rebuilt by replaying the
 * topics into the {@code crm} group does not get them back (replaying into the clean-up groups
 * would, and changes nothing else, as each step is idempotent).
 */
@Component
public class CleanupTimeline {

  /** A step of cleaning up after a deletion. */
  public enum Step {
    SUBSCRIPTION_CANCELED_AT_STRIPE(ActivityKind.SUBSCRIPTION_CANCELED_AT_STRIPE),
    PHOTOS_DELETED(ActivityKind.PHOTOS_DELETED),
    HUBSPOT_CONTACT_ERASED(ActivityKind.HUBSPOT_CONTACT_ERASED);

    private final ActivityKind kind;

    Step(ActivityKind kind) {
      this.kind = kind;
    }
  }

  private final Timeline timeline;

  CleanupTimeline(Timeline timeline) {
    this.timeline = timeline;
  }

  /**
   * @param deletionEventId the event the step reacted to
   * @param businessId the company whose timeline shows it
   * @param summary what was done; no personal data (it is never erased)
   * @param reference the outside object it concerns (a Stripe subscription id), or null
   */
  public void record(
      String deletionEventId,
      Step step,
      Instant at,
      String businessId,
      String summary,
      String reference) {
    String entryId =
        deletionEventId
            + ":"
            + step.name()
            + ":"
            + businessId
            + (reference == null ? "" : ":" + reference);
    timeline.record(
        Activity.of(entryId, at, step.kind, summary).business(businessId).reference(reference));
  }
}
