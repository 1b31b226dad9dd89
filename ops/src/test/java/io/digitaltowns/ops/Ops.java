package io.digitaltowns.ops;

import io.digitaltowns.infra.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the tool's command line in this JVM, against the shared local stack, and keeps what it
 * printed.
 */
public final class Ops {

  public record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private Ops() {}

  public static LocalStack stack() {
    return LocalStack.shared();
  }

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = OpsCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  /** The command, then the options that point it at the shared stack's Kafka. */
  public static Run kafka(String... command) {
    return run(with(command, "--bootstrap-servers", stack().kafkaBootstrapServers()));
  }

  /** The command, with the stack's Kafka and schema registry. */
  public static Run kafkaAndRegistry(String... command) {
    return run(
        with(
            command,
            "--bootstrap-servers",
            stack().kafkaBootstrapServers(),
            "--schema-registry-url",
            stack().schemaRegistryUrl()));
  }

  private static String[] with(String[] command, String... options) {
    List<String> args = new ArrayList<>(Arrays.asList(command));
    args.addAll(Arrays.asList(options));
    return args.toArray(String[]::new);
  }
}
