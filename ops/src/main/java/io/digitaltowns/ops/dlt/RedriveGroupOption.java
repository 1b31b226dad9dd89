package io.digitaltowns.ops.dlt;

import picocli.CommandLine.Option;

class RedriveGroupOption {

  static final String DEFAULT_GROUP = "dt-ops-redrive";

  @Option(names = "--redrive-group", paramLabel = "<group>", defaultValue = DEFAULT_GROUP,
      description = "Consumer group whose offsets on the dead-letter topic record what was redriven "
          + "(default ${DEFAULT-VALUE}).")
  String group;
}
