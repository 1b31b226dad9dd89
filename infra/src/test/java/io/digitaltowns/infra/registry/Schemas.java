package io.digitaltowns.infra.registry;

import java.util.UUID;

/** Avro schemas of a small "UserRegistered" event in the versions the tests evolve through. */
final class Schemas {

  static final String V1 =
      """
            {"type":"record","name":"UserRegistered","namespace":"io.digitaltowns.test","fields":[
              {"name":"userId","type":"string"}
            ]}""";

  /** V1 plus an optional field: readers of V2 can still read V1 data. */
  static final String V2_WITH_DEFAULT =
      """
            {"type":"record","name":"UserRegistered","namespace":"io.digitaltowns.test","fields":[
              {"name":"userId","type":"string"},
              {"name":"town","type":["null","string"],"default":null}
            ]}""";

  /** V1 plus a required field: V1 data lacks it, so this breaks BACKWARD compatibility. */
  static final String V2_REQUIRED_FIELD =
      """
            {"type":"record","name":"UserRegistered","namespace":"io.digitaltowns.test","fields":[
              {"name":"userId","type":"string"},
              {"name":"email","type":"string"}
            ]}""";

  private Schemas() {}

  static String uniqueSubject(String name) {
    return name + "-" + UUID.randomUUID() + "-value";
  }
}
