package io.digitaltowns.infra.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

  private static final Schema V1 = new Schema.Parser().parse(Schemas.V1);
  private static final Schema WITH_DEFAULT = new Schema.Parser().parse(Schemas.V2_WITH_DEFAULT);
  private static final Schema REQUIRED_FIELD = new Schema.Parser().parse(Schemas.V2_REQUIRED_FIELD);

  /** An old version whose {@code town} was a number: a string-typed reader cannot read it. */
  private static final Schema TOWN_AS_NUMBER =
      new Schema.Parser()
          .parse(
              """
            {"type":"record","name":"UserRegistered","namespace":"io.digitaltowns.test","fields":[
              {"name":"userId","type":"string"},
              {"name":"town","type":"int"}
            ]}""");

  @Test
  void backward_lets_new_readers_read_old_data() {
    assertThat(CompatibilityLevel.BACKWARD.problems(WITH_DEFAULT, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD.problems(REQUIRED_FIELD, List.of(V1))).isNotEmpty();
  }

  @Test
  void forward_lets_old_readers_read_new_data() {
    // an old reader ignores the extra required field
    assertThat(CompatibilityLevel.FORWARD.problems(REQUIRED_FIELD, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.FORWARD.problems(V1, List.of(REQUIRED_FIELD))).isNotEmpty();
  }

  @Test
  void full_needs_both_directions() {
    assertThat(CompatibilityLevel.FULL.problems(WITH_DEFAULT, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.FULL.problems(REQUIRED_FIELD, List.of(V1))).isNotEmpty();
  }

  @Test
  void transitive_levels_check_every_earlier_version_and_plain_ones_only_the_latest() {
    List<Schema> history = List.of(TOWN_AS_NUMBER, V1);

    assertThat(CompatibilityLevel.BACKWARD.problems(WITH_DEFAULT, history)).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(WITH_DEFAULT, history)).isNotEmpty();
  }

  @Test
  void none_accepts_anything() {
    assertThat(CompatibilityLevel.NONE.problems(REQUIRED_FIELD, List.of(V1, WITH_DEFAULT)))
        .isEmpty();
  }
}
