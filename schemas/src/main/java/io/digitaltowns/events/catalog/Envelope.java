package io.digitaltowns.events.catalog;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import org.apache.avro.data.RecordBuilder;
import org.apache.avro.specific.SpecificRecord;

/**
 * The envelope every event carries ({@code eventId}, {@code occurredAt}, {@code aggregateId},
 * {@code traceId}), set in this one place on an event's builder. The Avro builders share no
 * interface to set them on; each has the same four setters (every schema declares the four fields,
 * checked for each event of the catalog by EnvelopeTest), found once per builder class.
 *
 * @param eventId UUID of the event; consumers deduplicate on it
 * @param occurredAt when the change was committed (UTC, millisecond precision as the schema keeps
 *     it)
 * @param aggregateId the record key
 * @param traceId W3C trace id of the request that caused the event, null when unknown
 */
public record Envelope(String eventId, Instant occurredAt, String aggregateId, String traceId) {

  private static final ClassValue<Setters> SETTERS =
      new ClassValue<>() {
        @Override
        protected Setters computeValue(Class<?> builderType) {
          return Setters.of(builderType);
        }
      };

  /** The event the builder makes, with this envelope. */
  @SuppressWarnings("unchecked")
  public <E extends SpecificRecord> E build(RecordBuilder<E> builder) {
    Setters setters = SETTERS.get(builder.getClass());
    try {
      setters.eventId.invoke(builder, eventId);
      setters.occurredAt.invoke(builder, occurredAt);
      setters.aggregateId.invoke(builder, aggregateId);
      setters.traceId.invoke(builder, traceId);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(
          "cannot set the envelope on " + builder.getClass().getName(), e);
    }
    return builder.build();
  }

  private record Setters(
      MethodHandle eventId,
      MethodHandle occurredAt,
      MethodHandle aggregateId,
      MethodHandle traceId) {

    static Setters of(Class<?> builderType) {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      try {
        return new Setters(
            setter(lookup, builderType, "setEventId", String.class),
            setter(lookup, builderType, "setOccurredAt", Instant.class),
            setter(lookup, builderType, "setAggregateId", String.class),
            setter(lookup, builderType, "setTraceId", String.class));
      } catch (NoSuchMethodException | IllegalAccessException e) {
        throw new IllegalArgumentException(
            builderType.getName() + " is not the builder of an event with an envelope", e);
      }
    }

    private static MethodHandle setter(
        MethodHandles.Lookup lookup, Class<?> builderType, String name, Class<?> value)
        throws NoSuchMethodException, IllegalAccessException {
      return lookup
          .findVirtual(builderType, name, MethodType.methodType(builderType, value))
          .asType(MethodType.methodType(void.class, Object.class, value));
    }
  }
}
