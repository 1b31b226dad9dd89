package io.digitaltowns.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs die as machines do, and never outlive the JVM that started them. */
class ChildJvmTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Pattern GRANDCHILD = Pattern.compile("grandchild pid (\\d+)");

  @TempDir Path directory;

  @Test
  void a_killed_child_is_gone_at_once() {
    ChildJvm child =
        ChildJvm.start(
            "waiting child",
            List.of("-Xmx32m"),
            WaitsForever.class.getName(),
            List.of(),
            directory.resolve("child.log"));
    assertThat(child.isAlive()).isTrue();

    child.kill();

    assertThat(child.isAlive()).isFalse();
    assertThat(ProcessHandle.of(child.pid())).isEmpty();
  }

  @Test
  void a_child_ends_itself_when_the_jvm_that_started_it_is_killed() throws IOException {
    Path log = directory.resolve("parent.log");
    ChildJvm parent =
        ChildJvm.start(
            "parent", List.of("-Xmx64m"), StartsAGrandchild.class.getName(), List.of(), log);
    long grandchild = await().atMost(DEADLINE).until(() -> grandchildPid(log), pid -> pid > 0);
    assertThat(running(grandchild)).isTrue();

    parent.kill();

    await().atMost(DEADLINE).until(() -> !running(grandchild));
  }

  /** Whether the process runs: a zombie (ended, not yet reaped by whoever adopted it) does not. */
  private static boolean running(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return false;
    }
    String line;
    try {
      line = Files.readString(stat);
    } catch (java.nio.file.NoSuchFileException gone) {
      return false;
    }
    // "pid (comm) state ...": the state follows the last ')'
    return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
  }

  private static long grandchildPid(Path log) throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    Matcher found = GRANDCHILD.matcher(Files.readString(log));
    return found.find() ? Long.parseLong(found.group(1)) : 0;
  }

  /** Runs until it is killed, whatever happens to its standard streams. */
  public static final class WaitsForever {
    public static void main(String[] args) throws InterruptedException {
      Thread.currentThread().join();
    }
  }

  /** Starts a {@link WaitsForever} of its own, says its pid, then waits too. */
  public static final class StartsAGrandchild {
    public static void main(String[] args) throws InterruptedException {
      ChildJvm grandchild =
          ChildJvm.start(
              "grandchild",
              List.of("-Xmx32m"),
              WaitsForever.class.getName(),
              List.of(),
              Path.of(System.getProperty("java.io.tmpdir"), "child-jvm-grandchild.log"));
      System.out.println("grandchild pid " + grandchild.pid());
      System.out.flush();
      WaitsForever.main(args);
    }
  }
}
