package io.digitaltowns.consumers.events;

/** The domain topics the consumer groups read (one per aggregate type, written by the relay). */
public final class EventTopics {

  public static final String ACCOUNTS = "dt.accounts.events";
  public static final String BUSINESSES = "dt.businesses.events";
  public static final String BILLING = "dt.billing.events";
  public static final String CRM = "dt.crm.events";

  private EventTopics() {
  }
}
