package io.sealtrail.cli.demo;

import static io.sealtrail.cli.demo.EventFactory.detail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.AlertType;
import java.time.Duration;
import java.time.Instant;

/**
 * A hotfix release withdrawn (by both release managers) days before production starts, yet flashed
 * on one device at the factory: UNAUTHORIZED_FIRMWARE naming the withdrawal. The devices flashed
 * with the current release before any withdrawal stay silent.
 */
final class WithdrawnRelease {
  static final String HOTFIX = "1.4.1";
  static final String REASON = "CVE-2026-31337: the hotfix boot loader accepts unsigned images";

  private final DemoCast cast;
  private final EventFactory f;
  private final DeviceLine line;
  private final Instant end;

  WithdrawnRelease(DemoCast cast, EventFactory f, DeviceLine line, Instant end) {
    this.cast = cast;
    this.f = f;
    this.line = line;
    this.end = end;
  }

  /** {@code d} flashed with the withdrawn hotfix just after its regular flash. */
  InjectedCase flashAfterWithdrawal(Device d) {
    DemoEvent release = byReleaseManagers("FIRMWARE_RELEASED", hotfix(), Duration.ofDays(20));
    DemoEvent withdrawal =
        byReleaseManagers(
            "FIRMWARE_WITHDRAWN", hotfix().put("reason", REASON), Duration.ofDays(15));
    DemoEvent flash = line.flash(d, HOTFIX, DeviceLine.FLASHING.plus(Duration.ofMinutes(5)));
    return new InjectedCase(
        "flash of a withdrawn release",
        AlertType.UNAUTHORIZED_FIRMWARE,
        d.serial(),
        Twist.adding(release, withdrawal, flash),
        flash.eventId());
  }

  private static ObjectNode hotfix() {
    return detail()
        .put("product", Firmware.PRODUCT)
        .put("version", HOTFIX)
        .put("imageSha256", Firmware.image(HOTFIX));
  }

  private DemoEvent byReleaseManagers(String type, ObjectNode detail, Duration beforeEnd) {
    return f.event(
        cast.releaseManagerA(),
        type,
        Sites.HEADQUARTERS,
        null,
        Firmware.PRODUCT,
        end.minus(beforeEnd),
        detail,
        cast.releaseManagerB());
  }
}
