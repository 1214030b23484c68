package io.sealtrail.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.cli.partners.AdminClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * The demo's process layout (ADR 14) and its one deviation. The layout is the factory line {@link
 * DeviceLine} builds every device on, for the demo's product: assembled, key provisioned, flashed
 * (again in a rollback), attested by the test station or in the field with the key provisioned
 * before, sealed and commissioned only with a passing attestation since the last flash. The case: a
 * device sealed before its test, attested after the seal (skipping the attest step), which every
 * other device of the demo passes.
 */
record LayoutCases(Chain chain) {
  static final String LAYOUT =
      """
      {"steps": [
        {"name": "assemble", "type": "ASSEMBLED", "roles": ["MANUFACTURER"]},
        {"name": "provision", "type": "KEY_PROVISIONED", "roles": ["STATION"]},
        {"name": "flash", "type": "FIRMWARE_FLASHED", "roles": ["STATION"], "repeatable": true},
        {"name": "attest", "type": "ATTESTED", "roles": ["STATION", "FIELD_SERVICE"],
         "repeatable": true, "requires": [{"require": "after", "type": "KEY_PROVISIONED"}]},
        {"name": "seal", "type": "SEAL_APPLIED", "roles": ["MANUFACTURER"],
         "requires": [{"require": "attestedSince", "type": "FIRMWARE_FLASHED"}]},
        {"name": "commission", "type": "COMMISSIONED", "roles": ["FIELD_SERVICE"],
         "requires": [{"require": "attestedSince", "type": "FIRMWARE_FLASHED"}]}
      ]}
      """;

  /** Makes {@link #LAYOUT} the demo product's layout before any event is sent. */
  static void layOut(AdminClient admin, PrintWriter out) throws IOException {
    var answer =
        admin.send("PUT", "/v1/layouts/" + Firmware.PRODUCT, new ObjectMapper().readTree(LAYOUT));
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "setting the layout of "
              + Firmware.PRODUCT
              + " was answered "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
    out.printf("Set the process layout of %s (6 steps).%n", Firmware.PRODUCT);
    out.flush();
  }

  /** {@code d}'s factory test done after its sealing instead of before. */
  InjectedCase sealedBeforeTest(Device d) {
    Instant afterSeal = DeviceLine.at(d, DeviceLine.SEALING.plusMinutes(10));
    DemoEvent test =
        chain
            .get(d.serial() + "/test")
            .edited(json -> json.put("occurredAt", afterSeal.toString()))
            .reportedAt(afterSeal);
    return new InjectedCase(
        "sealed before its test (layout step skipped)",
        AlertType.PROCESS_DEVIATION,
        d.serial(),
        Twist.replacing(test),
        test.eventId());
  }
}
