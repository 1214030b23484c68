package io.sealtrail.client.event;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;

/** The contract's field rules, checked when an event is built rather than when it is refused. */
final class Fields {
  private Fields() {}

  static String require(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is required and may not be empty");
    }
    return value;
  }

  static List<String> requireSerials(List<String> serials, String name) {
    if (serials == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    List<String> copy = List.copyOf(serials);
    copy.forEach(serial -> require(serial, name + " entry"));
    return copy;
  }

  /** A SHA-256 as the contract writes it: 64 lowercase hex digits. */
  static String requireSha256(String hex, String name) {
    require(hex, name);
    if (hex.length() != 64 || !hex.equals(hex.toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException(name + " must be 64 lowercase hex digits");
    }
    requireHex(hex, name);
    return hex;
  }

  /** A firmware image: the same three fields for its release and each flash. */
  static void requireFirmware(String product, String version, String imageSha256) {
    require(product, "product");
    require(version, "version");
    requireSha256(imageSha256, "imageSha256");
  }

  static void putFirmware(ObjectNode node, String product, String version, String imageSha256) {
    node.put("product", product).put("version", version).put("imageSha256", imageSha256);
  }

  static String requireHex(String hex, String name) {
    require(hex, name);
    try {
      HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be hex: " + e.getMessage());
    }
    return hex;
  }

  static void putOptional(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  static void putSerials(ObjectNode node, String name, List<String> serials) {
    ArrayNode array = node.putArray(name);
    serials.forEach(array::add);
  }

  static void putComponents(ObjectNode node, List<Component> components) {
    ArrayNode array = node.putArray("components");
    components.forEach(component -> component.writeTo(array.addObject()));
  }
}
