package io.digitaltowns.ops.outbox;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --mode}: the relay's RELAY_MODE, spelt as in the environment (debezium, polling). */
final class RelayModeOption implements ITypeConverter<RelayModeOption.Mode> {

  enum Mode {
    DEBEZIUM,
    POLLING;

    String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public Mode convert(String value) {
    try {
      return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("expected debezium or polling, not '" + value + "'");
    }
  }
}
