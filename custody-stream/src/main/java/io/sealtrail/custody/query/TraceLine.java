package io.sealtrail.custody.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One device of a trace as the streamed formats send it (one NDJSON line, one CSV row): where it is
 * now, who it serves, what it runs, the first active hold covering it, and how it was reached from
 * the lot ({@code depth} 1 for a device built directly with it; {@code via} the sub-assembly
 * serials in between). After the contract's fields: the lot, what the device took from the serial
 * before it ({@code parts}), its product and the ids of every active hold covering it. State fields
 * are null for a device the custody stream has not seen.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TraceLine(
    String serial,
    String status,
    String site,
    String custodian,
    String customer,
    String container,
    Firmware firmware,
    HoldRef hold,
    String lastSeenAt,
    int depth,
    List<String> via,
    String lot,
    String parts,
    String product,
    List<String> holds) {

  /** The image a device runs. */
  @Serdeable
  public record Firmware(String version, String imageSha256) {}

  /** An active hold: its id, what kind of thing it holds and which. */
  @Serdeable
  public record HoldRef(String holdId, String kind, String id) {}

  /** The device as the JSON trace's {@code devices} list has always shown it, and what is new. */
  TracedDevice traced() {
    return new TracedDevice(
        serial,
        parts,
        status,
        custodian,
        site,
        container,
        product,
        firmware == null ? null : firmware.version(),
        firmware == null ? null : firmware.imageSha256(),
        holds,
        customer,
        lastSeenAt,
        depth,
        via);
  }
}
