package io.digitaltowns.infra.registry;

/** A schema as registered under a subject. */
record SubjectVersion(String subject, int version, int id, String schema) {}
