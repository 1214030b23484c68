package io.sealtrail.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code normalize=true} (spec §2.10): order of custom properties and aliases does not matter. */
class SchemaNormalizationTest {
  @Test
  void shouldSortCustomPropertiesAndAliasesWhenNormalizing() {
    String schema =
        "{\"type\":\"record\",\"name\":\"r\",\"z\":1,\"aliases\":[\"y\",\"x\"],\"a\":2,"
            + "\"fields\":[{\"name\":\"f\",\"type\":{\"type\":\"string\",\"q\":1,\"p\":2},"
            + "\"default\":\"v\"}]}";

    String normalized = AvroSchemas.normalize(schema);

    assertThat(AvroSchemas.canonical(normalized))
        .isEqualTo(
            "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"f\",\"type\":"
                + "{\"type\":\"string\",\"p\":2,\"q\":1},\"default\":\"v\"}],"
                + "\"a\":2,\"z\":1,\"aliases\":[\"x\",\"y\"]}");
  }

  @Test
  void shouldGiveSameIdWhenRegisteringNormalizedVariants() {
    SchemaRegistryCore core = SchemaRegistryCore.inMemory(CompatibilityLevel.BACKWARD);

    int first =
        core.register("s", AvroSchemas.normalize("{\"type\":\"long\",\"b\":1,\"a\":1}")).id();
    int second =
        core.register("s", AvroSchemas.normalize("{\"type\":\"long\",\"a\":1,\"b\":1}")).id();

    assertThat(second).isEqualTo(first);
  }
}
