package io.digitaltowns.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code java} child process on this JVM's classpath running one main class, its output appended
 * to a log file. It ends itself when this JVM ends ({@link ChildJvmMain}), and can be made to fail
 * the way machines do: {@link #kill()} is a SIGKILL (no shutdown hook, no flush, its connections
 * dropped by the kernel), {@link #pause()} a SIGSTOP (it keeps its ports and answers nothing).
 */
public final class ChildJvm {

  private static final long STOP_SECONDS = 30;

  private final String name;
  private final Process process;

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /**
   * @param name what it is, for messages
   * @param jvmOptions options of the child's {@code java} (heap, collector, system properties)
   * @param mainClass the class whose {@code main} the child runs
   * @param arguments that main's arguments
   * @param log where its standard output and error are appended
   */
  public static ChildJvm start(
      String name, List<String> jvmOptions, String mainClass, List<String> arguments, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ChildJvmMain.class.getName());
    command.add(Long.toString(ProcessHandle.current().pid()));
    command.add(mainClass);
    command.addAll(arguments);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(Redirect.appendTo(log.toFile()));
      // options given to this JVM through the environment (a benchmark's flags) are not the child's
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      return new ChildJvm(name, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, then waits until the process is gone. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(STOP_SECONDS);
  }

  /** SIGTERM: the child runs its shutdown hooks; {@link #awaitStopped()} waits for it. */
  public void beginStop() {
    process.destroy();
  }

  /**
   * Waits for a stop begun by {@link #beginStop()}, killing the child if it does not end in time.
   */
  public void awaitStopped() {
    if (!awaitExit(STOP_SECONDS)) {
      kill();
    }
  }

  /** SIGTERM and wait, SIGKILL if it takes too long. */
  public void stop() {
    beginStop();
    awaitStopped();
  }

  /** SIGSTOP. */
  public void pause() {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  public void resume() {
    signal("CONT");
  }

  private void signal(String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException(
            "kill -"
                + signal
                + " "
                + pid()
                + " ("
                + name
                + ") failed: "
                + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot signal " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling " + name, e);
    }
  }

  private boolean awaitExit(long seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
