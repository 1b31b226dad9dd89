package io.digitaltowns.ops.dlt;

import io.digitaltowns.platform.deadletters.Redrive;
import picocli.CommandLine.Option;

class RedriveGroupOption {

  static final String DEFAULT_GROUP = Redrive.DEFAULT_GROUP;

  @Option(
      names = "--redrive-group",
      paramLabel = "<group>",
      defaultValue = DEFAULT_GROUP,
      description =
          "Consumer group whose offsets on the dead-letter topic record what was redriven "
              + "(default ${DEFAULT-VALUE}).")
  String group;
}
