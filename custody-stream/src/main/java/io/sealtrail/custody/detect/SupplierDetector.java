package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UNAPPROVED_SUPPLIER when a lot is received from a supplier the rules do not approve for its part
 * number, or without the conformance certificate ({@code certificateSha256}) the rules require for
 * it. One alert per receipt naming every reason ({@value #REASON}: {@value #NOT_APPROVED}, {@value
 * #NO_CERTIFICATE}); a part number the rules do not name is not checked.
 */
final class SupplierDetector implements Detector {
  static final String REASON = "reason";
  static final String NOT_APPROVED = "supplier-not-approved";
  static final String NO_CERTIFICATE = "certificate-missing";

  private final DetectionRules rules;

  SupplierDetector(DetectionRules rules) {
    this.rules = rules;
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return event.detail(ComponentReceived.class).map(r -> judge(r, event)).orElse(List.of());
  }

  private List<Finding> judge(ComponentReceived receipt, Observation event) {
    String part = receipt.getPartNumber();
    List<String> reasons = new ArrayList<>(2);
    List<String> said = new ArrayList<>(2);
    if (!rules.approves(part, receipt.getSupplier())) {
      reasons.add(NOT_APPROVED);
      said.add("supplier " + receipt.getSupplier() + " is not approved for " + part);
    }
    String certificate = receipt.getCertificateSha256();
    if (rules.certificateRequired().contains(part)
        && (certificate == null || certificate.isBlank())) {
      reasons.add(NO_CERTIFICATE);
      said.add(part + " needs a conformance certificate and the receipt has none");
    }
    if (reasons.isEmpty()) {
      return List.of();
    }
    String summary =
        "lot " + receipt.getLot() + " received at " + event.site() + ": " + String.join("; ", said);
    Set<String> approved = rules.approvedSuppliers().getOrDefault(part, Set.of());
    return List.of(
        Finding.of(
            AlertType.UNAPPROVED_SUPPLIER,
            event,
            summary,
            Map.of(
                REASON,
                String.join(",", reasons),
                "partNumber",
                part,
                "lot",
                receipt.getLot(),
                "supplier",
                receipt.getSupplier(),
                "approvedSuppliers",
                String.join(",", approved.stream().sorted().toList()))));
  }
}
