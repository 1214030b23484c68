package io.sealtrail.registry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Canonical form and GUIDs as Confluent computes them (§2.10, §8.3). */
class AvroSchemasTest {

  @Test
  void shouldStoreAvroToStringWhenSchemaHasWhitespaceAndKeyOrder() {
    String registered =
        "{\"type\":\"record\",\"name\":\"test\",\"fields\":[{\"type\":\"string\",\"name\":\"field1\"},{\"type\":\"int\",\"name\":\"field2\"}]}";

    String canonical = AvroSchemas.canonical(registered);

    assertThat(canonical)
        .isEqualTo(
            "{\"type\":\"record\",\"name\":\"test\",\"fields\":[{\"name\":\"field1\",\"type\":\"string\"},{\"name\":\"field2\",\"type\":\"int\"}]}");
    assertThat(AvroSchemas.canonical("{\"type\": \"string\"}")).isEqualTo("\"string\"");
  }

  @Test
  void shouldMatchConfluentGuidsWhenHashingCanonicalStrings() {
    String record =
        AvroSchemas.canonical(
            "{\"type\":\"record\",\"name\":\"test\",\"fields\":[{\"name\":\"field1\",\"type\":\"string\"},{\"name\":\"field2\",\"type\":\"int\"}]}");

    assertThat(AvroSchemas.guid("\"string\""))
        .isEqualTo(UUID.fromString("095d71cf-1255-6b9d-5e33-0ad575b3df5d"));
    assertThat(AvroSchemas.guid(record))
        .isEqualTo(UUID.fromString("e5353f31-81cb-a934-803f-374e92217a0f"));
  }

  @Test
  void shouldAnswer42201WithParserTextWhenTypeIsUndefined() {
    String undefinedType =
        "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"type\":\"str\",\"name\":\"field1\"}]}";

    assertThatThrownBy(() -> AvroSchemas.parseStrict(undefinedType))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201))
        .hasMessageContaining("Undefined schema: str");
  }

  @Test
  void shouldAnswer42201WhenDefaultDoesNotMatchType() {
    String nullDefault =
        "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"type\":\"string\",\"default\":null,\"name\":\"f\"}]}";

    assertThatThrownBy(() -> AvroSchemas.parseStrict(nullDefault))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201))
        .hasMessageStartingWith("Invalid schema: ");
  }
}
