package io.sealtrail.custody.topology;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.TestDevice;
import io.sealtrail.custody.process.Storage;
import io.sealtrail.custody.state.ChainHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A device's whole legitimate life through the production topology: state, and no violation. */
class NormalLifeTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant RELEASE = T0.minus(Duration.ofDays(7));
  static final Instant ASSEMBLY = T0.plus(Duration.ofHours(1));
  static final Instant PROVISIONING = T0.plus(Duration.ofHours(2));
  static final Instant FLASHING = T0.plus(Duration.ofHours(3));
  static final Instant FACTORY_ATTESTATION = T0.plus(Duration.ofMinutes(210));
  static final Instant SEALING = T0.plus(Duration.ofHours(4));
  static final Instant PACKING = T0.plus(Duration.ofHours(5));
  static final Instant CRATE_SEALING = T0.plus(Duration.ofMinutes(310));
  static final Instant DEPARTURE = T0.plus(Duration.ofHours(6));
  static final Instant ARRIVAL = T0.plus(Duration.ofDays(3));
  static final Instant UNPACKING = ARRIVAL.plus(Duration.ofHours(1));
  static final Instant COMMISSIONING = T0.plus(Duration.ofDays(5));
  static final Instant FIELD_ATTESTATION = COMMISSIONING.plus(Duration.ofHours(1));

  private final TestDevice device = TestDevice.withNewKey();
  // On RocksDB, as in production: prefix scans of held violations and history in real stores.
  private final CustodyDriver custody = new CustodyDriver(Storage.PERSISTENT);

  @AfterEach
  void close() {
    custody.close();
  }

  EventFixture[] life() {
    return new EventFixture[] {
      released("1.4.0", RELEASE),
      componentReceived(LOT, "CPU-A53", T0),
      assembled(DEVICE, ASSEMBLY, component("CPU-A53", LOT)),
      keyProvisioned(DEVICE, device, PROVISIONING),
      flashed(DEVICE, "1.4.0", FLASHING),
      attested(DEVICE, device, 1, FACTORY_ATTESTATION),
      sealApplied(DEVICE, "SEAL-D42", SEALING),
      packed(CRATE, PACKING, DEVICE),
      sealApplied(CRATE, sealOf(CRATE), CRATE_SEALING),
      shippedWith(CRATE, DEPARTURE, DEVICE),
      receivedWith(CRATE, ARRIVAL, DEVICE),
      unpacked(CRATE, UNPACKING, DEVICE),
      commissioned(DEVICE, COMMISSIONING),
      attested(DEVICE, device, 2, FIELD_ATTESTATION).at(CUSTOMER_SITE).by(FIELD, FIELD_SERVICE_ROLE)
    };
  }

  @Test
  void shouldRaiseNothingWhenDeviceLivesNormally() {
    custody.send(life()).afterReleaseSettle();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldRaiseNothingAndEndTheSameWhenEventsArriveOutOfOrderWithinGrace() {
    EventFixture[] life = life();
    int[] arrival = {1, 2, 4, 0, 5, 3, 6, 7, 8, 10, 9, 11, 12, 13};
    for (int index : arrival) {
      custody.send(life[index]);
    }
    // The flash came before its release: it is cleared once the release is seen to be in time.
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
    CustodyState state = custody.state(DEVICE);
    assertThat(state.getStatus()).isEqualTo(CustodyStatus.IN_SERVICE);
    assertThat(state.getSite()).isEqualTo(CUSTOMER_SITE);
    assertThat(state.getDeviceKey().getKeyId()).isEqualTo(device.keyId());
    assertThat(state.getFirmware().getVersion()).isEqualTo("1.4.0");
    assertThat(state.getEventCount()).isEqualTo(12L);
    assertThat(custody.state(CRATE).getStatus()).isEqualTo(CustodyStatus.AT_SITE);
  }

  @Test
  void shouldPutDeviceInServiceWhenCommissioningIsReportedAfterItsFieldAttestation() {
    EventFixture[] life = life();
    custody.send(Arrays.copyOfRange(life, 0, life.length - 2));

    custody.send(life[life.length - 1], life[life.length - 2]);

    assertThat(custody.state(DEVICE).getStatus()).isEqualTo(CustodyStatus.IN_SERVICE);
    assertThat(custody.state(DEVICE).getLastEventType()).isEqualTo(EventType.COMMISSIONED);
    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldKnowWhereDeviceIsAndWhatItCarriesWhenLifeIsFolded() {
    custody.send(life());

    CustodyState state = custody.state(DEVICE);
    assertThat(state.getKind()).isEqualTo(SerialKind.DEVICE);
    assertThat(state.getStatus()).isEqualTo(CustodyStatus.IN_SERVICE);
    assertThat(state.getSite()).isEqualTo(CUSTOMER_SITE);
    assertThat(state.getCustodian()).isEqualTo(FIELD);
    assertThat(state.getProduct()).isEqualTo(PRODUCT);
    assertThat(state.getComponents()).containsExactly(component("CPU-A53", LOT));
    assertThat(state.getDeviceKey().getKeyId()).isEqualTo(device.keyId());
    assertThat(state.getFirmware().getVersion()).isEqualTo("1.4.0");
    assertThat(state.getSealId()).isEqualTo("SEAL-D42");
    assertThat(state.getAttestationCounter()).isEqualTo(2L);
    assertThat(state.getLastAttestation()).isEqualTo(AttestationResult.PASS);
    assertThat(state.getFirstSeenAt()).isEqualTo(ASSEMBLY);
    assertThat(state.getLastSeenAt()).isEqualTo(FIELD_ATTESTATION);
    assertThat(state.getLastEventType()).isEqualTo(EventType.ATTESTED);
    assertThat(state.getContainer()).isNull();
    assertThat(state.getEventCount()).isEqualTo(12L);
  }

  @Test
  void shouldTrackContainerFromPackingToUnpackingWhenCrateTravels() {
    custody.send(life());

    CustodyState crate = custody.state(CRATE);
    assertThat(crate.getKind()).isEqualTo(SerialKind.CONTAINER);
    assertThat(crate.getStatus()).isEqualTo(CustodyStatus.AT_SITE);
    assertThat(crate.getSite()).isEqualTo(WAREHOUSE);
    assertThat(crate.getContents()).isEmpty();
    assertThat(crate.getShipmentId()).isNull();
    assertThat(crate.getSealIntact()).isTrue();
    assertThat(custody.state(LOT).getKind()).isEqualTo(SerialKind.LOT);
  }

  @Test
  void shouldChainEveryEventOfSerialAndOfItsCrateWhenLifeIsFolded() {
    custody.send(life());

    String chain = ChainHash.GENESIS;
    for (EventFixture event : life()) {
      if (event.serial().equals(DEVICE) || event.serial().equals(CRATE)) {
        chain = ChainHash.next(chain, event.build().getPayloadSha256());
      }
    }
    CustodyState state = custody.state(DEVICE);
    assertThat(state.getChainHash()).isEqualTo(chain);
    assertThat(state.getLastPayloadSha256())
        .isEqualTo(life()[life().length - 1].build().getPayloadSha256());
  }

  @Test
  void shouldPublishEveryStateChangeWhenEventsArrive() {
    custody.send(life());

    assertThat(custody.stateChanges())
        .hasSize(life().length + 5)
        .last()
        .satisfies(kv -> assertThat(kv.key).isEqualTo(DEVICE))
        .satisfies(kv -> assertThat(kv.value).isEqualTo(custody.state(DEVICE)));
  }
}
