package io.digitaltowns.ops.dlt;

import picocli.CommandLine.Command;

@Command(
    name = "dlt",
    mixinStandardHelpOptions = true,
    description = {
      "Dead letters (<topic>.<group>.dlt): list, show, redrive to the original topic, purge.",
      "Which records were redriven is kept as the offsets of the tool's own consumer group on the dead-letter "
          + "topic (--redrive-group, default dt-ops-redrive), so a record is redriven once."
    },
    subcommands = {
      DltListCommand.class,
      DltShowCommand.class,
      DltRedriveCommand.class,
      DltPurgeCommand.class
    })
public class DltCommand {}
