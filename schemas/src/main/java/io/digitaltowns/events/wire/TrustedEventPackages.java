package io.digitaltowns.events.wire;

/**
 * The packages Avro may instantiate classes from when it reads a record: the generated event
 * classes, one package per aggregate, and nothing else. Avro loads the class a schema names;
 * trusting all of {@code io.digitaltowns} (or {@code java.io}, {@code java.net}) let a schema name
 * any class there. Avro trusts its own basic types ({@code java.lang.String}, {@code
 * java.math.BigDecimal}...) by itself.
 *
 * <p>Set as the system property {@value #PROPERTY} before Avro's first use: by the JVM options of
 * every service (the build's {@code avro.trusted}, the Dockerfile's run script), and by the
 * command-line tools that start a JVM themselves. A new aggregate's namespace goes here, in the
 * root pom's {@code avro.trusted} and in the Dockerfile (TrustedEventPackagesTest and
 * DeploymentFilesTest fail until it does).
 */
public final class TrustedEventPackages {

  public static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
  public static final String PACKAGES =
      "io.digitaltowns.events.accounts,io.digitaltowns.events.analytics,io.digitaltowns.events.billing,io.digitaltowns.events.businesses,io.digitaltowns.events.crm,io.digitaltowns.events.stripe,io.digitaltowns.events.towns";

  private TrustedEventPackages() {}

  /** Sets {@value #PROPERTY} to the event packages unless the JVM was started with a value. */
  public static void trustIfUnset() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, PACKAGES);
    }
  }
}
