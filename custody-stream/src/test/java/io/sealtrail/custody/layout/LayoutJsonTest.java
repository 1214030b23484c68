package io.sealtrail.custody.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.custody.fixtures.LayoutFixture;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Layout documents: read with their defaults, written back the same, refused at the pointer. */
class LayoutJsonTest {
  @Test
  void shouldReadStepsWithTheirDefaultsWhenDocumentIsValid() {
    LayoutJson.Proposal p = LayoutJson.proposal("gateway-x1", LayoutFixture.FACTORY_LAYOUT);

    assertThat(p.steps())
        .extracting(Step::name)
        .containsExactly("assemble", "provision", "flash", "attest", "seal", "commission");
    Step assemble = p.steps().get(0);
    assertThat(assemble.threshold()).isEqualTo(1);
    assertThat(assemble.optional()).isFalse();
    assertThat(p.steps().get(2).threshold()).isEqualTo(2);
    assertThat(p.steps().get(5).requires())
        .containsExactly(
            new Requirement.AttestedSince(EventType.FIRMWARE_FLASHED), new Requirement.Sealed());
    assertThat(p.basedOn()).isNull();
  }

  @Test
  void shouldKeepEveryVersionWhenHistoryIsWrittenAndReadBack() {
    LayoutHistory history =
        LayoutFixture.history(
            LayoutFixture.version(
                1, LayoutFixture.FACTORY_LAYOUT, Instant.parse("2026-01-01T00:00:00Z")),
            LayoutFixture.version(
                2,
                "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\"}],"
                    + "\"bomRevisions\":{\"R/3\":[{\"name\":\"s\",\"type\":\"SHIPPED\",\"requires\":[{\"require\":\"sealed\"}]}]}}",
                Instant.parse("2026-02-01T00:00:00Z")));

    assertThat(LayoutJson.history(LayoutJson.write(history))).isEqualTo(history);
    assertThat(history.inForceAt(Instant.parse("2025-12-31T00:00:00Z")).isDefault()).isTrue();
    assertThat(history.inForceAt(Instant.parse("2026-01-15T00:00:00Z")).version()).isEqualTo(1);
    assertThat(history.inForceAt(Instant.parse("2026-02-01T00:00:00Z")).version()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[]|''",
        "{}|/steps",
        "{\"steps\":{}}|/steps",
        "{\"steps\":[]}|/steps",
        "{\"steps\":[1]}|/steps/0",
        "{\"steps\":[{\"type\":\"ASSEMBLED\"}]}|/steps/0/name",
        "{\"steps\":[{\"name\":\" a\",\"type\":\"ASSEMBLED\"}]}|/steps/0/name",
        "{\"steps\":[{\"name\":\"a\"}]}|/steps/0/type",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLE\"}]}|/steps/0/type",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"FIRMWARE_RELEASED\"}]}|/steps/0/type",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\"},{\"name\":\"a\",\"type\":\"SHIPPED\"}]}|/steps/1/name",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\"},{\"name\":\"b\",\"type\":\"ASSEMBLED\"}]}|/steps/1/type",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"roles\":[\"dock\"]}]}|/steps/0/roles/0",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"roles\":\"DOCK\"}]}|/steps/0/roles",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"threshold\":0}]}|/steps/0/threshold",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"threshold\":1.5}]}|/steps/0/threshold",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"optional\":\"yes\"}]}|/steps/0/optional",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"order\":1}]}|/steps/0/order",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"requires\":[{\"require\":\"before\"}]}]}|/steps/0/requires/0/require",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"requires\":[{\"require\":\"after\"}]}]}|/steps/0/requires/0/type",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"requires\":[{\"require\":\"sealed\",\"type\":\"SHIPPED\"}]}]}|/steps/0/requires/0/type",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\"}],\"bomRevisions\":{\"R~1\":[]}}|/bomRevisions/R~01",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\"}],\"bomRevisions\":[]}|/bomRevisions",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\"}],\"product\":\"other\"}|/product",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\"}],\"version\":-1}|/version",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\"}],\"changedBy\":\"me\"}|/changedBy",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\"}],\"owner\":\"me\"}|/owner"
      })
  void shouldRefuseNamingThePointerWhenDocumentIsInvalid(String document, String pointer) {
    assertThatThrownBy(() -> LayoutJson.proposal("gateway-x1", document))
        .isInstanceOfSatisfying(
            LayoutException.class, e -> assertThat(e.pointer()).isEqualTo(pointer));
  }

  @Test
  void shouldRefuseAsUnreadableWhenBodyIsNotJsonOrHasDuplicateKeys() {
    assertThatThrownBy(() -> LayoutJson.proposal("p", "{\"steps\":"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LayoutJson.proposal("p", "{\"steps\":[],\"steps\":[]}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Issue 21: a number past 64 bits was read by its low bits: a threshold of 2^64 + 2 became 2 and
   * a version of 2^64 + 1 matched version 1.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"threshold\":18446744073709551618}]}|/steps/0/threshold",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\",\"threshold\":4294967298}]}|/steps/0/threshold",
        "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLED\"}],\"version\":18446744073709551617}|/version"
      })
  void shouldRefuseANumberBeyondItsRangeWhenItsLowBitsWouldLookValid(
      String document, String pointer) {
    assertThatThrownBy(() -> LayoutJson.proposal("gateway-x1", document))
        .isInstanceOfSatisfying(
            LayoutException.class, e -> assertThat(e.pointer()).isEqualTo(pointer));
  }

  /** Issue 21 (6): the detail goes to the client and must not name the parser's classes. */
  @Test
  void shouldDescribeTheDefectInItsOwnWordsWhenTheBodyIsNestedTooDeep() {
    String deep = "{\"steps\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}";

    assertThatThrownBy(() -> LayoutJson.proposal("p", deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested deeper than 1000 levels")
        .hasMessageNotContaining("StreamReadConstraints")
        .hasMessageNotContaining("`");
  }
}
