package io.sealtrail.custody.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The fielded devices of a product still running one firmware image, e.g. one withdrawn: where each
 * is and who has it. Every field is written, null or empty included: {@code customer} is null until
 * the state carries it, and no device is {@code "devices": []}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExposureResponse(String product, String imageSha256, List<Device> devices) {

  /** One fielded device running the image. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Device(
      String serial,
      String status,
      String site,
      String custodian,
      String customer,
      String version) {}
}
