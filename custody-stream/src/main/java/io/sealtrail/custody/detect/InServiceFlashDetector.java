package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/**
 * INVALID_TRANSITION when a device in service is flashed without an approver of another partner.
 * Judged once every event before the flash has arrived: a commissioning reported late puts the
 * device in service.
 */
final class InServiceFlashDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    if (event.type() != EventType.FIRMWARE_FLASHED
        || prior == null
        || prior.getStatus() != CustodyStatus.IN_SERVICE
        || event.coSignedByOtherPartnerWithRole(DualApprovalDetector.APPROVER)) {
      return List.of();
    }
    String summary = event.serial() + " flashed in service without an approver";
    return List.of(Finding.of(AlertType.INVALID_TRANSITION, event, summary, Map.of()));
  }
}
