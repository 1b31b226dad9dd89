package io.digitaltowns.benchmark;

import java.util.Iterator;
import java.util.Map;

/** Just enough JSON for the report: maps, lists, strings, numbers, booleans and null. */
public final class Json {

  private Json() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append("{");
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      String inner = indent + "  ";
      while (entries.hasNext()) {
        Map.Entry<?, ?> e = entries.next();
        out.append("\n").append(inner);
        string(String.valueOf(e.getKey()), out);
        out.append(": ");
        write(e.getValue(), out, inner);
        if (entries.hasNext()) {
          out.append(",");
        }
      }
      out.append(map.isEmpty() ? "}" : "\n" + indent + "}");
    } else if (value instanceof Iterable<?> list) {
      out.append("[");
      Iterator<?> items = list.iterator();
      String inner = indent + "  ";
      boolean any = false;
      while (items.hasNext()) {
        any = true;
        out.append("\n").append(inner);
        write(items.next(), out, inner);
        if (items.hasNext()) {
          out.append(",");
        }
      }
      out.append(any ? "\n" + indent + "]" : "]");
    } else {
      string(String.valueOf(value), out);
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
