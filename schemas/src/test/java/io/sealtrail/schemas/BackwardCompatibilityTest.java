package io.sealtrail.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.schemas.TopicSchemas.TopicSchema;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds every topic value schema against its last released version, kept under {@code
 * src/test/resources/released/}: a consumer built from this code must read everything already
 * written to Kafka (the registry's BACKWARD rule).
 */
class BackwardCompatibilityTest {

  static Stream<TopicSchema> topicSchemas() {
    return TopicSchemas.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topicSchemas")
  void shouldReadEveryReleasedVersionWhenSchemaEvolves(TopicSchema current) throws IOException {
    List<ReleasedSchema> released = ReleasedSchemas.of(current.fullName());
    boolean unreleased = ReleasedSchemas.unreleased().contains(current.fullName());

    if (unreleased) {
      assertThat(released)
          .as("%s is released: take it off released/unreleased.txt", current.fullName())
          .isEmpty();
    } else {
      assertThat(released)
          .as(
              "released versions of %s (run ReleasedSchemas.main to snapshot a release; a topic"
                  + " schema added since the last release goes on released/unreleased.txt)",
              current)
          .isNotEmpty();
    }
    for (ReleasedSchema previous : released) {
      var result =
          SchemaCompatibility.checkReaderWriterCompatibility(current.schema(), previous.schema());
      assertThat(result.getType())
          .as(
              "%s reading data written with release %s: %s",
              current.fullName(), previous.release(), result.getResult().getIncompatibilities())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topicSchemas")
  void shouldRejectChangeWhenRequiredFieldIsAddedWithoutDefault(TopicSchema current) {
    Schema broken = withRequiredField(current.schema(), "addedWithoutDefault");

    var result = SchemaCompatibility.checkReaderWriterCompatibility(broken, current.schema());

    assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  private static Schema withRequiredField(Schema schema, String name) {
    var fields =
        Stream.concat(
                schema.getFields().stream().map(f -> new Schema.Field(f, f.schema())),
                Stream.of(new Schema.Field(name, Schema.create(Schema.Type.STRING))))
            .toList();
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
