package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.InstalledFirmware;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/**
 * FIRMWARE_ROLLBACK when a flash installs a lower version of the same product than the device
 * already had, citing the flash that installed it. A late report of an older flash is history, not
 * a rollback.
 */
final class FirmwareRollbackDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    InstalledFirmware installed = prior == null ? null : prior.getFirmware();
    if (installed == null) {
      return List.of();
    }
    return event
        .detail(FirmwareFlashed.class)
        .filter(flash -> isRollback(installed, flash, event))
        .map(
            flash ->
                List.of(
                    rollback(installed, flash, event)
                        .citing(
                            past.latest(e -> installs(e, event.serial(), installed)),
                            "installed " + installed.getVersion())))
        .orElse(List.of());
  }

  private static boolean isRollback(
      InstalledFirmware installed, FirmwareFlashed flash, Observation event) {
    return flash.getProduct().equals(installed.getProduct())
        && event.occurredAt().isAfter(installed.getFlashedAt())
        && new FirmwareVersion(flash.getVersion())
                .compareTo(new FirmwareVersion(installed.getVersion()))
            < 0;
  }

  private static boolean installs(Observation e, String serial, InstalledFirmware installed) {
    return e.serial().equals(serial)
        && e.occurredAt().equals(installed.getFlashedAt())
        && e.detail(FirmwareFlashed.class)
            .map(f -> f.getImageSha256().equals(installed.getImageSha256()))
            .orElse(false);
  }

  private static Finding rollback(
      InstalledFirmware installed, FirmwareFlashed flash, Observation event) {
    String summary =
        event.serial()
            + " flashed back from "
            + installed.getVersion()
            + " to "
            + flash.getVersion();
    return Finding.of(
        AlertType.FIRMWARE_ROLLBACK,
        event,
        summary,
        Map.of(
            "product", flash.getProduct(),
            "firmwareVersion", flash.getVersion(),
            "previousVersion", installed.getVersion()));
  }
}
