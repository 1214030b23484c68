package io.sealtrail.custody.query;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro value as plain JSON values: records as objects in field order, bytes as standard base64,
 * timestamps as RFC 3339 and enums by name, so an envelope can be re-verified from the JSON.
 */
public final class AvroJson {
  private AvroJson() {}

  /** {@code record} as a JSON object. */
  public static Map<String, Object> of(IndexedRecord record) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Schema.Field field : record.getSchema().getFields()) {
      json.put(field.name(), value(record.get(field.pos())));
    }
    return json;
  }

  private static Object value(Object value) {
    if (value == null || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof IndexedRecord record) {
      return of(record);
    }
    if (value instanceof ByteBuffer bytes) {
      ByteBuffer copy = bytes.duplicate();
      byte[] raw = new byte[copy.remaining()];
      copy.get(raw);
      return Base64.getEncoder().encodeToString(raw);
    }
    if (value instanceof List<?> list) {
      List<Object> json = new ArrayList<>(list.size());
      list.forEach(item -> json.add(value(item)));
      return json;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> json = new LinkedHashMap<>();
      map.forEach((k, v) -> json.put(k.toString(), value(v)));
      return json;
    }
    // Strings, enums and Instants: their text is their JSON value.
    return value.toString();
  }
}
