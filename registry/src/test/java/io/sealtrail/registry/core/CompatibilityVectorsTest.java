package io.sealtrail.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The compatibility vectors of the spec (§8.4): BACKWARD makes the candidate the reader. */
class CompatibilityVectorsTest {
  private static final String V1 = record("myrecord", "{\"name\":\"f1\",\"type\":\"string\"}");
  private static final String V1_F2_DEFAULT =
      record(
          "myrecord",
          "{\"name\":\"f1\",\"type\":\"string\"},{\"name\":\"f2\",\"type\":\"string\",\"default\":\"foo\"}");
  private static final String V1_F2 =
      record(
          "myrecord",
          "{\"name\":\"f1\",\"type\":\"string\"},{\"name\":\"f2\",\"type\":\"string\"}");

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of(V1_F2_DEFAULT, V1, null),
        Arguments.of(
            V1_F2,
            V1,
            "READER_FIELD_MISSING_DEFAULT_VALUE', description:'The new schema cannot read at path '/fields/1'', additionalInfo:'f2'"),
        Arguments.of(V1, V1_F2, null),
        Arguments.of(
            record("myrecord", "{\"name\":\"f1\",\"type\":\"long\"}"),
            record("myrecord", "{\"name\":\"f1\",\"type\":\"int\"}"),
            null),
        Arguments.of(
            record("myrecord", "{\"name\":\"f1\",\"type\":\"int\"}"),
            record("myrecord", "{\"name\":\"f1\",\"type\":\"long\"}"),
            "TYPE_MISMATCH', description:'The new schema cannot read at path '/fields/0/type'"),
        Arguments.of(
            record("other", "{\"name\":\"f1\",\"type\":\"string\"}"),
            V1,
            "NAME_MISMATCH', description:'The new schema cannot read at path '/name'"),
        Arguments.of(enumeration("A", "B", "C"), enumeration("A", "B"), null),
        Arguments.of(
            enumeration("A", "B"),
            enumeration("A", "B", "C"),
            "MISSING_ENUM_SYMBOLS', description:'The new schema cannot read at path '/symbols'', additionalInfo:'[C]'"),
        Arguments.of("[\"null\",\"string\",\"int\"]", "[\"null\",\"string\"]", null),
        Arguments.of(
            "[\"null\",\"string\"]",
            "[\"null\",\"string\",\"int\"]",
            "MISSING_UNION_BRANCH', description:'The new schema cannot read at path '/2'"),
        Arguments.of("\"string\"", "\"bytes\"", null));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void shouldMatchAvroVerdictWhenCheckingBackward(String reader, String writer, String problem) {
    Schema candidate = new Schema.Parser().parse(reader);
    SchemaVersion old =
        new SchemaVersion("s", 1, 1, new Schema.Parser().parse(writer).toString(), false);

    List<String> problems = CompatibilityLevel.BACKWARD.check(candidate, List.of(old));

    if (problem == null) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems.get(0)).startsWith("{errorType:'" + problem);
      assertThat(problems)
          .contains(
              "{oldSchemaVersion: 1}", "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }
  }

  private static String record(String name, String fields) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + fields + "]}";
  }

  private static String enumeration(String... symbols) {
    return "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\""
        + String.join("\",\"", symbols)
        + "\"]}";
  }
}
