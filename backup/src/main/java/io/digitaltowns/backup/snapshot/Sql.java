package io.digitaltowns.backup.snapshot;

/** Quoting for names read from the catalog. */
final class Sql {

  private Sql() {}

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String columns(java.util.List<String> columns) {
    return String.join(", ", columns.stream().map(Sql::identifier).toList());
  }
}
