package io.digitaltowns.ops.outbox;

import picocli.CommandLine.Command;

@Command(
    name = "outbox",
    mixinStandardHelpOptions = true,
    description =
        "The outbox and its relay: backlog, replication slot, which relay instance is active.",
    subcommands = {OutboxStatusCommand.class})
public class OutboxCommand {}
