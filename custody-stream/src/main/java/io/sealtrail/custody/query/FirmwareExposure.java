package io.sealtrail.custody.query;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.custody.inventory.FirmwareInventory;
import io.sealtrail.custody.inventory.InventoryStores;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import io.sealtrail.platform.query.StoreReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which fielded devices (commissioned and not decommissioned: status {@code IN_SERVICE}) of a
 * product still run an image: the product's owner lists the devices running it from the firmware
 * inventory and asks each device's owner where it is, keeping those in service that still run it.
 */
final class FirmwareExposure {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private final StoreReader reader;
  private final DeviceStates devices;

  FirmwareExposure(StoreReader reader) {
    this.reader = reader;
    this.devices = new DeviceStates(reader);
  }

  /**
   * The image asked for, lowercase as the stream keeps it.
   *
   * @throws ProblemException 400 {@code invalid-request} when it is absent or not 64 hex digits
   */
  static String imageOf(String imageSha256) {
    if (imageSha256 == null || !SHA256.matcher(imageSha256).matches()) {
      throw new ProblemException(
          Problem.of(
                  "invalid-request",
                  "Request not valid",
                  HttpStatus.BAD_REQUEST,
                  "imageSha256 must be a SHA-256 of 64 hex digits, got "
                      + (imageSha256 == null ? "none" : "'" + abbreviated(imageSha256) + "'"))
              .field("imageSha256"));
    }
    return imageSha256.toLowerCase(Locale.ROOT);
  }

  /**
   * The fielded devices of {@code product} running {@code imageSha256}, in serial order; empty when
   * none does.
   *
   * @throws KeyNotFoundException when no device of {@code product} runs any firmware
   */
  ExposureResponse of(String product, String imageSha256, HttpRequest<?> request) {
    FirmwareInventory inventory =
        new FirmwareInventory(
            reader.<Long>local(InventoryStores.COUNTS),
            reader.<String>local(InventoryStores.DEVICES));
    if (inventory.installedOf(product).isEmpty()) {
      throw new KeyNotFoundException("product", product);
    }
    List<ExposureResponse.Device> exposed = new ArrayList<>();
    for (String serial : inventory.devicesRunning(product, imageSha256)) {
      devices
          .stateOf(serial, request)
          .flatMap(state -> fielded(serial, imageSha256, state))
          .ifPresent(exposed::add);
    }
    return new ExposureResponse(product, imageSha256, exposed);
  }

  // The inventory follows the states through a repartition: the state itself has the last word.
  private static Optional<ExposureResponse.Device> fielded(
      String serial, String imageSha256, Map<String, Object> state) {
    Map<?, ?> firmware = state.get("firmware") instanceof Map<?, ?> f ? f : Map.of();
    if (!CustodyStatus.IN_SERVICE.name().equals(text(state.get("status")))
        || !imageSha256.equals(text(firmware.get("imageSha256")))) {
      return Optional.empty();
    }
    return Optional.of(
        new ExposureResponse.Device(
            serial,
            text(state.get("status")),
            text(state.get("site")),
            text(state.get("custodian")),
            text(state.get("customer")),
            text(firmware.get("version"))));
  }

  private static String abbreviated(String value) {
    return value.length() <= 80 ? value : value.substring(0, 80) + "...";
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
