package io.sealtrail.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages for clients name no Java classes (issue 19), but keep what the user wrote. */
class ErrorsTest {
  @Test
  void shouldDropExceptionClassNamesWhenWrappedFailuresAreQuoted() {
    String kafka =
        "could not write to _schemas: org.apache.kafka.common.errors.TimeoutException: Expiring 1"
            + " record(s)";
    String jackson =
        "com.fasterxml.jackson.core.JsonParseException: Unexpected character ('x' (code 120))\n"
            + " at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);"
            + " line: 1, column: 2]";

    assertThat(Errors.withoutInternals(kafka))
        .isEqualTo("could not write to _schemas: Expiring 1 record(s)");
    assertThat(Errors.withoutInternals(jackson))
        .isEqualTo("Unexpected character ('x' (code 120)) at line 1, column 2");
    assertThat(Errors.withoutInternals("reader stopped: java.lang.StackOverflowError"))
        .isEqualTo("reader stopped:");
  }

  @Test
  void shouldKeepRecordNamesWhenSchemaTextLooksLikeAClass() {
    String message = "Can't redefine: {\"type\":\"record\",\"name\":\"com.acme.ParseError\"}";

    assertThat(Errors.withoutInternals(message)).isEqualTo(message);
  }
}
