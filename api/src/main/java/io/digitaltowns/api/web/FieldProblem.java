package io.digitaltowns.api.web;

/** One offending input field in a problem body. */
public record FieldProblem(String field, String message) {}
