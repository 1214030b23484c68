package io.sealtrail.epcis.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.event.CustodyEvent;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * A custody event as the JSON a partner signs (the partner contract): the Avro record's fields with
 * nulls left out, bytes as base64, the instant as RFC 3339 and the attestation verdict as {@code
 * result}.
 */
public final class PartnerJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PartnerJson() {}

  public static ObjectNode of(CustodyEvent event) {
    return object(event);
  }

  private static ObjectNode object(IndexedRecord record) {
    ObjectNode json = JSON.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      if (value != null) {
        json.set(field.name().equals("verdict") ? "result" : field.name(), value(value));
      }
    }
    return json;
  }

  private static com.fasterxml.jackson.databind.JsonNode value(Object value) {
    if (value instanceof IndexedRecord record) {
      return object(record);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = JSON.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    if (value instanceof ByteBuffer bytes) {
      byte[] raw = new byte[bytes.remaining()];
      bytes.duplicate().get(raw);
      return JSON.textNode(Base64.getEncoder().encodeToString(raw));
    }
    if (value instanceof Boolean bool) {
      return JSON.booleanNode(bool);
    }
    if (value instanceof Long number) {
      return JSON.numberNode(number);
    }
    return JSON.textNode(value.toString());
  }
}
