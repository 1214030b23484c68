package io.sealtrail.custody.query;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One device of a lot's JSON trace and its current custody; the state fields are null for a device
 * the custody stream has not seen yet. The fields up to {@code holds} are those the trace always
 * had, in the same order; {@code customer}, {@code lastSeenAt}, {@code depth} and {@code via} (see
 * {@link TraceLine}) came with deep lineage.
 */
@Serdeable
public record TracedDevice(
    String serial,
    String parts,
    String status,
    String custodian,
    String site,
    String container,
    String product,
    String firmwareVersion,
    String firmwareImageSha256,
    List<String> holds,
    String customer,
    String lastSeenAt,
    int depth,
    List<String> via) {

  /** A device built directly with the lot, no active hold covering it. */
  public TracedDevice(
      String serial,
      String parts,
      String status,
      String custodian,
      String site,
      String container,
      String product,
      String firmwareVersion,
      String firmwareImageSha256) {
    this(
        serial,
        parts,
        status,
        custodian,
        site,
        container,
        product,
        firmwareVersion,
        firmwareImageSha256,
        List.of(),
        null,
        null,
        1,
        List.of());
  }
}
