package io.sealtrail.client.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A component fitted in a device, as recorded at assembly or found on inspection.
 *
 * @param serial the component's own serial, or null when it has none
 */
public record Component(String partNumber, String serial, String lot) {
  public Component {
    Fields.require(partNumber, "partNumber");
    Fields.require(lot, "lot");
  }

  /** A component without its own serial. */
  public static Component ofLot(String partNumber, String lot) {
    return new Component(partNumber, null, lot);
  }

  void writeTo(ObjectNode node) {
    node.put("partNumber", partNumber);
    Fields.putOptional(node, "serial", serial);
    node.put("lot", lot);
  }
}
