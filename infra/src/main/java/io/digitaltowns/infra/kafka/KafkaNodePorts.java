package io.digitaltowns.infra.kafka;

/**
 * Where one node of a cluster listens: clients on {@code port}, the controller quorum on {@code
 * controllerPort}.
 */
public record KafkaNodePorts(int port, int controllerPort) {}
