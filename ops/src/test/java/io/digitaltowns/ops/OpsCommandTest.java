package io.digitaltowns.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpsCommandTest {

  @Test
  void without_a_command_it_prints_usage_and_exits_with_the_usage_code() {
    Ops.Run run = Ops.run();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(OpsExit.USAGE);
    assertThat(run.err()).contains("Missing command").contains("topics").contains("replay");
  }

  @Test
  void replay_without_a_starting_point_is_a_usage_error() {
    Ops.Run run = Ops.run("replay", "--group", "email", "--topic", "dt.accounts.events");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(OpsExit.USAGE);
    assertThat(run.err()).contains("--from-beginning");
  }

  @Test
  void every_command_has_help() {
    for (String[] command :
        new String[][] {
          {"topics", "check", "--help"},
          {"topics", "create", "--help"},
          {"outbox", "status", "--help"},
          {"dlt", "list", "--help"},
          {"dlt", "show", "--help"},
          {"dlt", "redrive", "--help"},
          {"dlt", "purge", "--help"},
          {"replay", "--help"}
        }) {
      Ops.Run run = Ops.run(command);
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).startsWith("Usage: ops " + command[0]);
    }
  }
}
