package io.sealtrail.custody.inventory;

import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.InstalledFirmware;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;

/**
 * One device starting (+1) or ceasing (-1) to run a firmware image in a {@link FirmwarePhase}, sent
 * to the product's partition; a flash that replaces an image, or a device moving from stock to
 * transit to the field with the same image, yields one of each.
 *
 * @param phase where the device is in its life; null once it is decommissioned (and for a delta
 *     written before phases were counted)
 */
public record FirmwareDelta(
    String serial,
    String product,
    String version,
    String imageSha256,
    int change,
    FirmwarePhase phase) {
  private static final String SEPARATOR = "\n";

  public FirmwareDelta {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(imageSha256, "imageSha256");
    if (change != 1 && change != -1) {
      throw new IllegalArgumentException("a firmware delta is +1 or -1, got " + change);
    }
  }

  /** A delta outside any phase. */
  public FirmwareDelta(
      String serial, String product, String version, String imageSha256, int change) {
    this(serial, product, version, imageSha256, change, null);
  }

  /**
   * The deltas, keyed by product, from {@code serial}'s firmware in {@code prior} to {@code next}.
   */
  public static List<KeyValue<String, FirmwareDelta>> between(
      String serial, CustodyState prior, CustodyState next) {
    InstalledFirmware before = prior == null ? null : prior.getFirmware();
    InstalledFirmware after = next.getFirmware();
    FirmwarePhase was = prior == null ? null : FirmwarePhase.of(prior).orElse(null);
    FirmwarePhase is = FirmwarePhase.of(next).orElse(null);
    List<KeyValue<String, FirmwareDelta>> deltas = new ArrayList<>();
    if (Objects.equals(image(before), image(after)) && was == is) {
      return deltas;
    }
    if (before != null) {
      deltas.add(KeyValue.pair(before.getProduct(), of(serial, before, -1, was)));
    }
    if (after != null) {
      deltas.add(KeyValue.pair(after.getProduct(), of(serial, after, 1, is)));
    }
    return deltas;
  }

  /** A serde for the repartition topic: the fields on lines, the change first. */
  public static Serde<FirmwareDelta> serde() {
    return Serdes.serdeFrom(
        (topic, delta) -> delta == null ? null : delta.encode().getBytes(StandardCharsets.UTF_8),
        (topic, bytes) -> bytes == null ? null : decode(new String(bytes, StandardCharsets.UTF_8)));
  }

  private static List<String> image(InstalledFirmware firmware) {
    return firmware == null
        ? null
        : List.of(firmware.getProduct(), firmware.getVersion(), firmware.getImageSha256());
  }

  private static FirmwareDelta of(
      String serial, InstalledFirmware firmware, int change, FirmwarePhase phase) {
    return new FirmwareDelta(
        serial,
        firmware.getProduct(),
        firmware.getVersion(),
        firmware.getImageSha256(),
        change,
        phase);
  }

  // The phase goes first so that a delta written before phases existed (five lines) still reads.
  private String encode() {
    String fields =
        String.join(SEPARATOR, Integer.toString(change), serial, product, version, imageSha256);
    return phase == null ? fields : phase.name() + SEPARATOR + fields;
  }

  private static FirmwareDelta decode(String text) {
    String[] f = text.split(SEPARATOR, 6);
    if (f.length == 5) {
      return new FirmwareDelta(f[1], f[2], f[3], f[4], Integer.parseInt(f[0]));
    }
    return new FirmwareDelta(
        f[2], f[3], f[4], f[5], Integer.parseInt(f[1]), FirmwarePhase.valueOf(f[0]));
  }
}
