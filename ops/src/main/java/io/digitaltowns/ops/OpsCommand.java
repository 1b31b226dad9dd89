package io.digitaltowns.ops;

import io.digitaltowns.events.wire.TrustedEventPackages;
import io.digitaltowns.ops.backup.BackupCommand;
import io.digitaltowns.ops.dlt.DltCommand;
import io.digitaltowns.ops.outbox.OutboxCommand;
import io.digitaltowns.ops.replay.ReplayCommand;
import io.digitaltowns.ops.topics.TopicsCommand;
import java.io.PrintWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The operator's tool: {@code java -jar ops-<version>-exec.jar <command>}. Plain Java, no Spring
 * context: it talks to Kafka, PostgreSQL and the schema registry directly, with the same settings
 * (environment variables) as the services.
 */
@Command(
    name = "ops",
    mixinStandardHelpOptions = true,
    versionProvider = OpsCommand.Version.class,
    description =
        "Operate DigitalTowns: topics, the outbox relay, dead letters, consumer-group replay, backups.",
    subcommands = {
      TopicsCommand.class,
      OutboxCommand.class,
      DltCommand.class,
      ReplayCommand.class,
      BackupCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 failed, 2 bad usage, 3 differences found, 4 refused (unsafe right now).",
      "Connection settings: options, or the services' environment variables KAFKA_BOOTSTRAP_SERVERS, "
          + "KAFKA_CLIENT_CONFIG, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, SCHEMA_REGISTRY_URL, "
          + "SCHEMA_REGISTRY_USER, SCHEMA_REGISTRY_PASSWORD; backups: B2_ENDPOINT, B2_REGION, B2_BUCKET, B2_KEY_ID, "
          + "B2_APP_KEY, B2_PATH_STYLE."
    })
public final class OpsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of failures.")
  boolean verbose;

  /**
   * Not named logback.xml: on a classpath shared with the services (the local stack's tests),
   * Spring Boot would adopt it and silence their logs.
   */
  private static final String LOGGING_CONFIG = "ops-logback.xml";

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGGING_CONFIG);
    }
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line; tests call {@code execute} on it with their own out/err writers.
   */
  public static CommandLine commandLine() {
    // Avro instantiates only classes of trusted packages: the event packages
    TrustedEventPackages.trustIfUnset();
    CommandLine commandLine = new CommandLine(new OpsCommand());
    commandLine.setExecutionExceptionHandler(OpsCommand::handleFailure);
    return commandLine;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: topics, outbox, dlt, replay or backup");
  }

  private static int handleFailure(
      Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    Throwable cause = unwrap(failure);
    if (cause instanceof RefusedException) {
      err.println("refused: " + cause.getMessage());
      err.flush();
      return OpsExit.REFUSED;
    }
    err.println("error: " + describe(cause));
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      err.println(
          "Is Kafka reachable at the bootstrap servers (--bootstrap-servers, KAFKA_BOOTSTRAP_SERVERS)?");
    }
    boolean verbose =
        parseResult.hasMatchedOption("--verbose")
            || parseResult.subcommands().stream().anyMatch(sub -> hasVerbose(sub));
    if (verbose) {
      cause.printStackTrace(err);
    }
    err.flush();
    return OpsExit.FAILED;
  }

  private static boolean hasVerbose(CommandLine.ParseResult result) {
    return result.hasMatchedOption("--verbose")
        || result.subcommands().stream().anyMatch(OpsCommand::hasVerbose);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof ExecutionException || current instanceof CompletionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** The failure and its causes on one line: the useful part is often two causes down. */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(message(failure));
    Throwable cause = failure.getCause();
    int depth = 0;
    while (cause != null && cause != failure && depth++ < 5) {
      String next = message(cause);
      if (!text.toString().contains(next)) {
        text.append("; caused by ").append(next);
      }
      cause = cause.getCause();
    }
    return text.toString();
  }

  private static String message(Throwable failure) {
    return failure.getMessage() == null
        ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = OpsCommand.class.getPackage().getImplementationVersion();
      return new String[] {
        "DigitalTowns ops " + (version == null ? "(development build)" : version)
      };
    }
  }
}
