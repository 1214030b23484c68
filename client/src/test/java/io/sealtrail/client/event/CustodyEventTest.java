package io.sealtrail.client.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.ingest.event.EventReader;
import io.sealtrail.ingest.event.EventReading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builders write the partner contract's JSON, which the platform's own reader accepts. */
class CustodyEventTest {
  private static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");
  private static final String SHA = "ab".repeat(32);

  private static CustodyEvent.Builder header() {
    return CustodyEvent.builder()
        .eventId("f3c1")
        .occurredAt(AT)
        .partnerId("acme-logistics")
        .site("plant-1")
        .subject("PALLET-0042");
  }

  @Test
  void shouldWriteTheContractsExampleByteForByteWhenShippedIsBuilt() {
    CustodyEvent event =
        header()
            .station("dock-3")
            .operator("j.doe")
            .detail(new Detail.Shipped("SH-77", "dock-b", List.of("CARTON-1", "CARTON-2"), "S-9"))
            .build();

    String json = new String(event.toJson(), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"eventId\":\"f3c1\",\"type\":\"SHIPPED\",\"occurredAt\":\"2026-11-21T08:00:00Z\","
                + "\"partnerId\":\"acme-logistics\",\"site\":\"plant-1\",\"station\":\"dock-3\","
                + "\"operator\":\"j.doe\",\"subject\":\"PALLET-0042\",\"detail\":{\"shipmentId\":\"SH-77\","
                + "\"toSite\":\"dock-b\",\"manifest\":[\"CARTON-1\",\"CARTON-2\"],\"sealId\":\"S-9\"}}");
  }

  @Test
  void shouldLeaveOptionalFieldsOutWhenTheyAreNotGiven() {
    String json =
        new String(
            header().detail(Detail.Scanned.plain()).build().toJson(), StandardCharsets.UTF_8);

    assertThat(json).doesNotContain("station", "operator", "components").endsWith("\"detail\":{}}");
  }

  @Test
  void shouldBeReadByTheIngestReaderWhenEveryEventTypeIsBuilt() {
    var component = new Component("PN-1", "C-1", "LOT-1");
    List<Detail> details =
        List.of(
            new Detail.ComponentReceived("PN-1", "LOT-1", "supplier-a", SHA),
            new Detail.Assembled("router", "B", List.of(component, Component.ofLot("PN-2", "L2"))),
            new Detail.KeyProvisioned(new byte[] {48, 42, 48, 5}, "ED25519", "se-1"),
            new Detail.FirmwareReleased("router", "1.2.0", SHA),
            new Detail.FirmwareReleased("router", "1.2.0", SHA, List.of(SHA)),
            new Detail.FirmwareFlashed("router", "1.2.0", SHA),
            new Detail.SealApplied("S-1"),
            new Detail.SealChecked("S-1", false),
            new Detail.Packed(List.of("DEV-1")),
            new Detail.Unpacked(List.of("DEV-1")),
            new Detail.Shipped("SH-1", "dock-b", List.of("DEV-1"), null),
            new Detail.Received("SH-1", "plant-1", List.of("DEV-1"), "S-1", true),
            new Detail.Scanned(List.of(component)),
            new Detail.Attested("00ff", SHA, 7, new byte[] {1, 2, 3}, true),
            new Detail.Commissioned("customer-x"),
            new Detail.Decommissioned("end of life"),
            new Detail.FirmwareWithdrawn("router", "1.2.0", SHA, "CVE-2026-0001"));
    EventReader reader = new EventReader();

    for (Detail detail : details) {
      EventReading reading = reader.read(header().detail(detail).build().toJson());

      assertThat(reading).as(detail.type()).isInstanceOf(EventReading.Read.class);
      var event = ((EventReading.Read) reading).event();
      assertThat(event.getType().name()).isEqualTo(detail.type());
    }
  }

  @Test
  void shouldCarryTheExpectedMeasurementsToIngestWhenAReleaseDeclaresThem() {
    String other = "0".repeat(64);
    var release = new Detail.FirmwareReleased("router", "1.2.0", SHA, List.of(SHA, other));

    EventReading reading = new EventReader().read(header().detail(release).build().toJson());

    var detail =
        (io.sealtrail.avro.event.FirmwareReleased)
            ((EventReading.Read) reading).event().getDetail();
    assertThat(detail.getExpectedMeasurements()).containsExactly(SHA, other);
  }

  @Test
  void shouldRefuseExpectedMeasurementsThatAreNoSha256OrNone() {
    assertThatThrownBy(() -> new Detail.FirmwareReleased("router", "1", SHA, List.of("ABC")))
        .hasMessageContaining("expectedMeasurements");
    assertThatThrownBy(() -> new Detail.FirmwareReleased("router", "1", SHA, List.of()))
        .hasMessageContaining("expectedMeasurements");
  }

  @Test
  void shouldNameTheFieldWhenARequiredOneIsMissing() {
    assertThatThrownBy(() -> header().site(null).detail(new Detail.SealApplied("S")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("site");
    assertThatThrownBy(() -> new Detail.FirmwareFlashed("router", "1", "ABC"))
        .hasMessageContaining("imageSha256");
  }
}
