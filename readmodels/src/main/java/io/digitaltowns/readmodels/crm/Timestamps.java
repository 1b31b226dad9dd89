<<<<<<<< HEAD:consumers/src/main/java/io/digitaltowns/consumers/crm/Timestamps.java
package io.digitaltowns.consumers.crm;
========
package io.digitaltowns.readmodels.crm;
>>>>>>>> owners:readmodels/src/main/java/io/digitaltowns/readmodels/crm/Timestamps.java

import java.sql.Timestamp;
import java.time.Instant;

/** timestamptz parameters: the PostgreSQL driver takes {@link Timestamp}, not {@link Instant}. */
final class Timestamps {

  private Timestamps() {
  }

  static Timestamp of(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
