package io.digitaltowns.consumers.email;

import jakarta.mail.util.StreamProvider;

/**
 * jakarta.mail 2.1 looks its {@link StreamProvider} up through {@link java.util.ServiceLoader} on
 * every call, twice for every mail written, and each lookup reads every jar on the classpath
 * (jakartaee/mail-api#861): about a third of the email consumer's CPU time per mail in the profile
 * of issue 11. Naming the implementation in the system property the lookup reads first turns it
 * into a class-name load. The one implementation there is (Angus Mail) is the one the lookup finds
 * anyway.
 */
final class StreamProviderLookup {

  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private StreamProviderLookup() {}

  /** Leaves a value someone set alone. */
  static void pinToAngus() {
    if (System.getProperty(StreamProvider.class.getName()) == null) {
      System.setProperty(StreamProvider.class.getName(), ANGUS);
    }
  }
}
