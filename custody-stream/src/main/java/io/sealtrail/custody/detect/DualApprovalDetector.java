package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/**
 * MISSING_DUAL_APPROVAL when a flash has no co-signature by an {@value #APPROVER} of another
 * partner than the station's; ingest accepts such flashes on purpose so that this alert is raised.
 */
final class DualApprovalDetector implements Detector {
  static final String APPROVER = "APPROVER";

  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    if (event.type() != EventType.FIRMWARE_FLASHED
        || event.coSignedByOtherPartnerWithRole(APPROVER)) {
      return List.of();
    }
    FirmwareFlashed flash = event.detail(FirmwareFlashed.class).orElseThrow();
    String summary =
        event.serial()
            + " flashed with "
            + flash.getVersion()
            + " without an approver's co-signature";
    return List.of(
        Finding.of(
            AlertType.MISSING_DUAL_APPROVAL,
            event,
            summary,
            Map.of("product", flash.getProduct(), "firmwareVersion", flash.getVersion())));
  }
}
