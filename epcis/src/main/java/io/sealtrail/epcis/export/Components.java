package io.sealtrail.epcis.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.epcis.Identifiers;
import io.sealtrail.epcis.Vocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a device as EPCIS children: serialised parts as {@code childEPCs}, parts known only
 * by lot as {@code childQuantityList} (one entry per lot with its count), and every part with its
 * part number and lot in {@code sealtrail:components}, which EPCIS lists cannot carry.
 */
final class Components {
  private Components() {}

  static void addTo(EpcisEvent event, List<ComponentRef> components) {
    List<String> serials =
        components.stream()
            .filter(c -> c.getSerial() != null)
            .map(c -> Identifiers.serial(c.getSerial()))
            .toList();
    if (!serials.isEmpty()) {
      event.uris("childEPCs", serials);
    }
    Map<String, Integer> lots = new LinkedHashMap<>();
    components.stream()
        .filter(c -> c.getSerial() == null)
        .forEach(c -> lots.merge(Identifiers.lot(c.getPartNumber(), c.getLot()), 1, Integer::sum));
    if (!lots.isEmpty()) {
      ArrayNode quantities = EpcisEvent.JSON.arrayNode();
      lots.forEach(
          (lot, count) -> quantities.addObject().put("epcClass", lot).put("quantity", count));
      event.put("childQuantityList", quantities);
    }
    event.ext("components", list(components));
  }

  /** {@code [{"epcClass": lot}]}, with {@code quantity} when {@code count} is positive. */
  static ArrayNode quantity(String partNumber, String lot, int count) {
    ArrayNode list = EpcisEvent.JSON.arrayNode();
    ObjectNode element = list.addObject().put("epcClass", Identifiers.lot(partNumber, lot));
    if (count > 0) {
      element.put("quantity", count);
    }
    return list;
  }

  private static ArrayNode list(List<ComponentRef> components) {
    ArrayNode list = EpcisEvent.JSON.arrayNode();
    for (ComponentRef component : components) {
      ObjectNode part =
          list.addObject().put(Vocabulary.ext("partNumber"), component.getPartNumber());
      if (component.getSerial() != null) {
        part.put(Vocabulary.ext("serial"), component.getSerial());
      }
      part.put(Vocabulary.ext("lot"), component.getLot());
    }
    return list;
  }
}
