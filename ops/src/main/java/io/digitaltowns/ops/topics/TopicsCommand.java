package io.digitaltowns.ops.topics;

import picocli.CommandLine.Command;

@Command(
    name = "topics",
    description =
        "Compare the cluster with the topics the system needs (io.digitaltowns.events.catalog.Topics), "
            + "the same definitions the local stack uses, and create what is missing.",
    mixinStandardHelpOptions = true,
    subcommands = {TopicsCheckCommand.class, TopicsCreateCommand.class})
public class TopicsCommand {}
