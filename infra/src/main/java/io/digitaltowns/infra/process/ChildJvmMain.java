package io.digitaltowns.infra.process;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Entry point of every {@link ChildJvm}: it ends the child as soon as the process that started it
 * is gone (however that one ended, SIGKILL included), then runs the child's own main class. So a
 * test JVM killed mid-run leaves no broker or service behind holding ports, locks or partitions.
 */
public final class ChildJvmMain {

  private ChildJvmMain() {}

  /** Arguments: the parent's pid, the main class to run, then that class's own arguments. */
  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: ChildJvmMain <parent pid> <main class> [arguments...]");
    }
    long parentPid = Long.parseLong(args[0]);
    ProcessHandle.of(parentPid)
        .ifPresentOrElse(
            parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
            () -> Runtime.getRuntime().halt(1));
    try {
      Class.forName(args[1])
          .getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
