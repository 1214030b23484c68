package io.sealtrail.epcis.testing;

import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.Commissioned;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.Decommissioned;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.event.FirmwareReleased;
import io.sealtrail.avro.event.FirmwareWithdrawn;
import io.sealtrail.avro.event.KeyProvisioned;
import io.sealtrail.avro.event.Packed;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Scanned;
import io.sealtrail.avro.event.SealApplied;
import io.sealtrail.avro.event.SealChecked;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.event.Unpacked;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Custody events of every type with arbitrary values: texts with spaces, slashes, percent signs,
 * colons and non-ASCII letters (which identifiers must encode and read back), optional fields
 * present or not, and empty or non-empty lists.
 */
public final class CustodyArbitraries {
  private CustodyArbitraries() {}

  /** A history of one to five events of any types by one partner, with distinct event ids. */
  public static Arbitrary<List<CustodyEvent>> histories() {
    return events()
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(
            events -> {
              List<CustodyEvent> distinct = new ArrayList<>();
              for (int i = 0; i < events.size(); i++) {
                CustodyEvent event = CustodyEvent.newBuilder(events.get(i)).build();
                event.setEventId(event.getEventId() + "-" + i);
                event.setPartnerId(events.get(0).getPartnerId());
                distinct.add(event);
              }
              return distinct;
            });
  }

  public static Arbitrary<CustodyEvent> events() {
    return Arbitraries.of(EventType.values()).flatMap(CustodyArbitraries::event);
  }

  public static Arbitrary<CustodyEvent> event(EventType type) {
    Arbitrary<Instant> occurredAt =
        Arbitraries.longs()
            .between(
                Instant.parse("2000-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2099-12-31T23:59:59Z").toEpochMilli())
            .map(Instant::ofEpochMilli);
    return Combinators.combine(
            text(),
            occurredAt,
            text(),
            text(),
            text().injectNull(0.3),
            text().injectNull(0.5),
            text(),
            detail(type))
        .as(
            (id, at, partner, site, station, operator, subject, detail) ->
                CustodyEvent.newBuilder()
                    .setEventId(id)
                    .setType(type)
                    .setOccurredAt(at)
                    .setPartnerId(partner)
                    .setSite(site)
                    .setStation(station)
                    .setOperator(operator)
                    .setSubject(subject)
                    .setDetail(detail)
                    .build());
  }

  /** Non-blank text: starts with a letter or digit, then anything an identifier must survive. */
  public static Arbitrary<String> text() {
    Arbitrary<String> head = Arbitraries.strings().alpha().numeric().ofLength(1);
    Arbitrary<String> tail =
        Arbitraries.strings().alpha().numeric().withChars(" /%:?#&+~._-éßЖ漢").ofMaxLength(12);
    return Combinators.combine(head, tail).as(String::concat);
  }

  /** A release's expected measurements: none (not appraised), or one to three hex SHA-256s. */
  private static Arbitrary<List<String>> measurements() {
    Arbitrary<String> sha256 = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    return sha256.list().ofMinSize(1).ofMaxSize(3).injectNull(0.3);
  }

  private static Arbitrary<List<String>> serials() {
    return text().list().ofMaxSize(4);
  }

  private static Arbitrary<ComponentRef> component() {
    return Combinators.combine(text(), text().injectNull(0.5), text()).as(ComponentRef::new);
  }

  private static Arbitrary<Object> detail(EventType type) {
    Arbitrary<?> detail =
        switch (type) {
          case COMPONENT_RECEIVED ->
              Combinators.combine(text(), text(), text(), text().injectNull(0.5))
                  .as(ComponentReceived::new);
          case ASSEMBLED ->
              Combinators.combine(text(), text(), component().list().ofMaxSize(4))
                  .as(Assembled::new);
          case KEY_PROVISIONED ->
              Combinators.combine(
                      bytes(), Arbitraries.of("ED25519", "ECDSA_P256"), text().injectNull(0.5))
                  .as(KeyProvisioned::new);
          case FIRMWARE_RELEASED ->
              Combinators.combine(text(), text(), text(), measurements()).as(FirmwareReleased::new);
          case FIRMWARE_FLASHED ->
              Combinators.combine(text(), text(), text()).as(FirmwareFlashed::new);
          case SEAL_APPLIED -> text().map(SealApplied::new);
          case SEAL_CHECKED ->
              Combinators.combine(text(), Arbitraries.of(true, false)).as(SealChecked::new);
          case PACKED -> serials().map(Packed::new);
          case UNPACKED -> serials().map(Unpacked::new);
          case SHIPPED ->
              Combinators.combine(text(), text(), serials(), text().injectNull(0.3))
                  .as(Shipped::new);
          case RECEIVED ->
              Combinators.combine(
                      text(),
                      text(),
                      serials(),
                      text().injectNull(0.3),
                      Arbitraries.of(true, false).injectNull(0.3))
                  .as(Received::new);
          case SCANNED -> component().list().ofMaxSize(3).injectNull(0.4).map(Scanned::new);
          case ATTESTED ->
              Combinators.combine(
                      text(),
                      text(),
                      Arbitraries.longs().greaterOrEqual(0),
                      bytes(),
                      Arbitraries.of(AttestationResult.values()))
                  .as(Attested::new);
          case COMMISSIONED -> text().map(Commissioned::new);
          case DECOMMISSIONED -> text().map(Decommissioned::new);
          case FIRMWARE_WITHDRAWN ->
              Combinators.combine(text(), text(), text(), text()).as(FirmwareWithdrawn::new);
        };
    return detail.map(Object.class::cast);
  }

  private static Arbitrary<ByteBuffer> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64).map(ByteBuffer::wrap);
  }
}
