package io.sealtrail.registry.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.registry.client.IdentityCache;
import io.sealtrail.registry.core.AvroSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/**
 * {@code avro.remove.java.properties=true} (pitfall P6): the value's schema without the {@code
 * avro.java.string} properties that generated classes carry, so it matches schemas registered from
 * {@code .avsc} files. Cached per schema instance, since rewriting it costs far more than a record.
 */
final class JavaProperties {
  private static final String JAVA_STRING = "avro.java.string";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityCache<Schema, Schema> removed = new IdentityCache<>(1000);

  Schema removedFrom(Schema schema) {
    return removed.get(schema, JavaProperties::strip);
  }

  private static Schema strip(Schema schema) {
    try {
      JsonNode tree = JSON.readTree(schema.toString());
      if (!removeAll(tree)) {
        return schema;
      }
      return AvroSchemas.parseLenient(JSON.writeValueAsString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the property from every object of the tree and answers whether any held it. */
  private static boolean removeAll(JsonNode node) {
    boolean found = false;
    if (node instanceof ObjectNode object) {
      found = object.remove(JAVA_STRING) != null;
    }
    for (JsonNode child : node) {
      found |= removeAll(child);
    }
    return found;
  }
}
