package io.sealtrail.custody.layout;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;

import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.TestDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A device's factory life as the factory layout wants it, and the same life with the attestation
 * done after sealing (the attest step skipped before the seal step): the factory's events of one
 * serial {@code spacing} apart, the commissioning two days later.
 */
record LayoutLife(String serial, TestDevice device, Instant start, Duration spacing) {
  static final String VERSION = "1.4.0";

  LayoutLife(String serial, TestDevice device, Instant start) {
    this(serial, device, start, Duration.ofMinutes(10));
  }

  /** The release of the version flashed: without it the flash is UNAUTHORIZED_FIRMWARE. */
  static EventFixture release(Instant start) {
    return released(VERSION, start.minus(Duration.ofDays(30)));
  }

  EventFixture assembly() {
    return assembled(serial, at(0));
  }

  EventFixture provisioning() {
    return keyProvisioned(serial, device, at(1));
  }

  EventFixture flash() {
    return flashed(serial, VERSION, at(2));
  }

  EventFixture test() {
    return attested(serial, device, 1, at(3));
  }

  EventFixture seal() {
    return sealApplied(serial, "SEAL-" + serial, at(4));
  }

  /** The attestation done after sealing instead of before it. */
  EventFixture testAfterSealing() {
    return attested(serial, device, 1, at(5));
  }

  EventFixture commissioning() {
    return commissioned(serial, start.plus(Duration.ofDays(2)));
  }

  List<EventFixture> conforming() {
    return List.of(assembly(), provisioning(), flash(), test(), seal(), commissioning());
  }

  /** Sealed before its attestation: exactly one PROCESS_DEVIATION, on the seal. */
  List<EventFixture> sealedUntested() {
    return List.of(
        assembly(), provisioning(), flash(), seal(), testAfterSealing(), commissioning());
  }

  /** When the factory's {@code n}th event (from 0) happens. */
  Instant at(int n) {
    return start.plus(spacing.multipliedBy(n));
  }
}
