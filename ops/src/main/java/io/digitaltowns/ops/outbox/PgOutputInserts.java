package io.digitaltowns.ops.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the inserts out of pgoutput messages (protocol version 1, as {@code
 * pg_logical_slot_peek_binary_changes} returns them): a Relation message names the table and its
 * columns, each Insert message carries the new row as text values. Everything else (Begin, Commit,
 * Origin, Type) is skipped.
 */
final class PgOutputInserts {

  /**
   * A decoded insert: the table and the row's values by column name (text form, null for SQL NULL).
   */
  record Insert(String table, Map<String, String> values) {}

  private record Relation(String namespace, String name, List<String> columns) {}

  private final Map<Integer, Relation> relations = new HashMap<>();

  /**
   * @return the insert this message carries, or null for any other message
   */
  Insert read(byte[] message) {
    if (message == null || message.length == 0) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(message);
    byte type = buffer.get();
    if (type == 'R') {
      readRelation(buffer);
      return null;
    }
    if (type != 'I') {
      return null;
    }
    int relationId = buffer.getInt();
    Relation relation = relations.get(relationId);
    if (relation == null) {
      throw new IllegalStateException(
          "pgoutput insert for relation " + relationId + " before its Relation message");
    }
    byte kind = buffer.get();
    if (kind != 'N') {
      throw new IllegalStateException("unexpected pgoutput tuple kind " + (char) kind);
    }
    return new Insert(relation.name(), readTuple(buffer, relation.columns()));
  }

  private void readRelation(ByteBuffer buffer) {
    int relationId = buffer.getInt();
    String namespace = readString(buffer);
    String name = readString(buffer);
    buffer.get(); // replica identity
    int columnCount = Short.toUnsignedInt(buffer.getShort());
    List<String> columns = new ArrayList<>(columnCount);
    for (int i = 0; i < columnCount; i++) {
      buffer.get(); // flags (part of the key)
      columns.add(readString(buffer));
      buffer.getInt(); // type oid
      buffer.getInt(); // type modifier
    }
    relations.put(relationId, new Relation(namespace, name, columns));
  }

  private static Map<String, String> readTuple(ByteBuffer buffer, List<String> columns) {
    int count = Short.toUnsignedInt(buffer.getShort());
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < count; i++) {
      byte kind = buffer.get();
      String value = null;
      if (kind == 't' || kind == 'b') {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        value = kind == 't' ? new String(bytes, StandardCharsets.UTF_8) : null;
      }
      if (i < columns.size()) {
        values.put(columns.get(i), value);
      }
    }
    return values;
  }

  private static String readString(ByteBuffer buffer) {
    int start = buffer.position();
    while (buffer.get() != 0) {
      // up to the terminating zero byte
    }
    return new String(buffer.array(), start, buffer.position() - start - 1, StandardCharsets.UTF_8);
  }
}
