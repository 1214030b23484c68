package io.sealtrail.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.Settles;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The environment and flat keys read once into custody-stream's configuration. */
class CustodyConfigTest {
  @Test
  void shouldAdvertiseThePodNameAndPassKafkaClientSettingsToTheStreams() {
    Map<String, String> env =
        Map.of(
            "BOOTSTRAP_SERVERS", "kafka-1:9092",
            "SCHEMA_REGISTRY_URL", "http://registry:8081",
            "HOSTNAME", "custody-stream-0",
            "KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL");

    CustodyConfig read = CustodyConfig.fromEnvironment(env);

    assertThat(read.http().advertisedHost()).isEqualTo("custody-stream-0");
    assertThat(read.http().port()).isEqualTo(8082);
    assertThat(read.streams().properties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092")
        .doesNotContainKey("schema.registry.url");
  }

  @Test
  void shouldKeepExactlyOnceWhenAKafkaClientVariableTriesToTurnItOff() {
    Map<String, String> env =
        Map.of(
            "BOOTSTRAP_SERVERS", "kafka-1:9092",
            "SCHEMA_REGISTRY_URL", "http://registry:8081",
            "KAFKA_CLIENT_PROCESSING_GUARANTEE", "at_least_once");

    Properties streams = CustodyConfig.fromEnvironment(env).streams().properties();

    assertThat(streams)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void shouldRenameATopicWhenItsTopicsVariableIsSet() {
    Map<String, String> env =
        Map.of(
            "BOOTSTRAP_SERVERS", "kafka-1:9092",
            "SCHEMA_REGISTRY_URL", "http://registry:8081",
            "SEALTRAIL_TOPICS_VIOLATIONS", "acme.violations");

    CustodyConfig read = CustodyConfig.fromEnvironment(env);

    assertThat(CustodyTopics.from(read, read.serdeConfig()).violations().name())
        .isEqualTo("acme.violations");
  }

  @Test
  void shouldNameTheKeyWhenAValueIsMalformed() {
    assertThatThrownBy(() -> CustodyConfig.from(Map.of("num.standby.replicas", "one")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("num.standby.replicas");
    assertThatThrownBy(() -> CustodyConfig.from(Map.of("sealtrail.http.port", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.http.port");
    assertThatThrownBy(() -> CustodyConfig.from(Map.of("sealtrail.detect.grace", "30 minutes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.detect.grace");
  }

  @Test
  void shouldReadGraceAndTravelTimesWhenKeysAreSet() {
    DetectionRules rules =
        CustodyConfig.from(
                Map.of(
                    "sealtrail.detect.grace", "PT30M",
                    "sealtrail.detect.min-transit.default", "PT2H",
                    "sealtrail.detect.min-transit", "SZX-F1/RTM-DC=P2D, RTM-DC/MUC-C1=PT12H"))
            .rules();

    assertThat(rules.grace()).isEqualTo(Duration.ofMinutes(30));
    assertThat(rules.minTransit("RTM-DC", "SZX-F1")).isEqualTo(Duration.ofDays(2));
    assertThat(rules.minTransit("MUC-C1", "RTM-DC")).isEqualTo(Duration.ofHours(12));
    assertThat(rules.minTransit("MUC-C1", "SZX-F1")).isEqualTo(Duration.ofHours(2));
    assertThat(rules.minTransit("MUC-C1", "MUC-C1")).isZero();
  }

  @Test
  void shouldReadEverySettleWhenKeysAreSetAndKeepTheDefaultsWhenUnset() {
    Settles configured =
        CustodyConfig.from(
                Map.of(
                    "sealtrail.custody.provenance-settle", "PT3S",
                    "sealtrail.custody.shipment-settle", "PT4S",
                    "sealtrail.custody.release-settle", "PT5S",
                    "sealtrail.custody.report-settle", "PT6S"))
            .settles();

    assertThat(configured)
        .isEqualTo(
            new Settles(
                Duration.ofSeconds(3),
                Duration.ofSeconds(4),
                Duration.ofSeconds(5),
                Duration.ofSeconds(6)));
    assertThat(CustodyConfig.from(Map.of()).settles())
        .isEqualTo(
            new Settles(
                Duration.ofSeconds(60),
                Duration.ofMinutes(2),
                Duration.ofSeconds(60),
                Duration.ofSeconds(60)));
  }

  @Test
  void shouldNameTheSettleKeyWhenItsValueIsMalformedOrNegative() {
    assertThatThrownBy(
            () -> CustodyConfig.from(Map.of("sealtrail.custody.provenance-settle", "60s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.custody.provenance-settle");
    assertThatThrownBy(
            () -> CustodyConfig.from(Map.of("sealtrail.custody.shipment-settle", "-PT1S")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sealtrail.custody.shipment-settle must not be negative, got PT-1S");
  }

  @Test
  void shouldRefuseTravelTimeWhenEntryHasNoSitePair() {
    assertThatThrownBy(
            () -> CustodyConfig.from(Map.of("sealtrail.detect.min-transit", "SZX-F1=P2D")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "sealtrail.detect.min-transit entries look like SITE-A/SITE-B=PT6H, got: SZX-F1=P2D");
  }

  @Test
  void shouldReadApprovedSuppliersAndCertificatePartsWhenKeysAreSet() {
    DetectionRules rules =
        CustodyConfig.from(
                Map.of(
                    "sealtrail.detect.approved-suppliers", "MCU-1=acme|globex, SE-2=nxp",
                    "sealtrail.detect.certificate-required", "SE-2, MCU-1"))
            .rules();

    assertThat(rules.approves("MCU-1", "globex")).isTrue();
    assertThat(rules.approves("SE-2", "acme")).isFalse();
    assertThat(rules.approves("PCB-3", "anyone")).isTrue();
    assertThat(rules.certificateRequired()).containsExactlyInAnyOrder("SE-2", "MCU-1");
  }

  @Test
  void shouldApproveEverySupplierAndRequireNoCertificateWhenKeysAreUnset() {
    DetectionRules rules = CustodyConfig.from(Map.of()).rules();

    assertThat(rules.approvedSuppliers()).isEmpty();
    assertThat(rules.certificateRequired()).isEmpty();
  }

  @Test
  void shouldRefuseApprovedSuppliersWhenEntryNamesNoSupplier() {
    assertThatThrownBy(
            () -> CustodyConfig.from(Map.of("sealtrail.detect.approved-suppliers", "MCU-1=")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "sealtrail.detect.approved-suppliers entries look like PART=SUPPLIER|SUPPLIER, got:"
                + " MCU-1=");
  }
}
