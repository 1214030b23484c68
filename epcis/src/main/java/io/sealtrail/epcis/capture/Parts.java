package io.sealtrail.epcis.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts an AssociationEvent names, as the custody event's {@code components}: from {@code
 * sealtrail:components} when given (checked against {@code childEPCs}), else from the lots of
 * {@code childQuantityList}. A serialised part without its part number and lot cannot be mapped.
 */
final class Parts {
  private static final Set<String> QUANTITY_FIELDS = Set.of("epcClass", "quantity", "uom");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Parts() {}

  static ArrayNode of(EventFields f) {
    List<String> childSerials = childSerials(f);
    if (f.ext("components").isPresent()) {
      return described(f, childSerials);
    }
    if (!childSerials.isEmpty()) {
      throw EventFields.missing(
          f.at("childEPCs"),
          "a serialised part needs its part number and lot: give sealtrail:components");
    }
    return lots(f);
  }

  /** The serials of {@code childEPCs}, in order; empty when there is none. */
  static List<String> childSerials(EventFields f) {
    List<String> serials = new ArrayList<>();
    f.get("childEPCs")
        .ifPresent(
            list -> {
              if (!list.isArray()) {
                throw EventFields.malformed(f.at("childEPCs"), "must be an array");
              }
              for (int i = 0; i < list.size(); i++) {
                String at = f.at("childEPCs") + "/" + i;
                serials.add(PrivateIds.serial(EventFields.textValue(list.get(i), at), at));
              }
            });
    return serials;
  }

  private static ArrayNode described(EventFields f, List<String> childSerials) {
    JsonNode list = f.ext("components").get();
    String at = f.extAt("components");
    if (!list.isArray()) {
      throw EventFields.malformed(at, "must be an array");
    }
    ArrayNode components = JSON.arrayNode();
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      EventFields part = f.object(list.get(i), at + "/" + i, Set.of());
      ObjectNode component = components.addObject();
      component.put(
          "partNumber", part.requiredExtText("partNumber", "a part needs its part number"));
      part.extText("serial")
          .ifPresent(
              serial -> {
                component.put("serial", serial);
                serials.add(serial);
              });
      component.put("lot", part.requiredExtText("lot", "a part needs its lot"));
    }
    if (!sorted(serials).equals(sorted(childSerials))) {
      throw new CaptureException(
          RejectionCode.CONFLICTING_FIELDS,
          f.at("childEPCs"),
          "childEPCs "
              + childSerials
              + " are not the serialised parts "
              + serials
              + " of sealtrail:components");
    }
    return components;
  }

  private static List<String> sorted(List<String> serials) {
    return serials.stream().sorted().toList();
  }

  private static ArrayNode lots(EventFields f) {
    ArrayNode components = JSON.arrayNode();
    JsonNode list = f.get("childQuantityList").orElse(JSON.arrayNode());
    if (!list.isArray()) {
      throw EventFields.malformed(f.at("childQuantityList"), "must be an array");
    }
    for (int i = 0; i < list.size(); i++) {
      EventFields element =
          f.object(list.get(i), f.at("childQuantityList") + "/" + i, QUANTITY_FIELDS);
      String epcClass = element.requiredText("epcClass", "a quantity names its class");
      List<String> lot = PrivateIds.lot(epcClass, element.at("epcClass"));
      for (long n = count(element); n > 0; n--) {
        components.addObject().put("partNumber", lot.get(0)).put("lot", lot.get(1));
      }
    }
    return components;
  }

  /** A count of parts: a whole number from 1 to 10000 without unit (1 when not given). */
  private static long count(EventFields element) {
    JsonNode quantity = element.get("quantity").orElse(null);
    if (quantity == null) {
      return 1;
    }
    if (element.get("uom").isPresent()
        || !quantity.isNumber()
        || quantity.decimalValue().stripTrailingZeros().scale() > 0
        || quantity.longValue() < 1
        || quantity.longValue() > 10_000) {
      throw EventFields.malformed(
          element.at("quantity"),
          "a count of parts is a whole number from 1 to 10000, without uom");
    }
    return quantity.longValue();
  }
}
