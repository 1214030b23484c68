package io.sealtrail.registry.serde;

import io.sealtrail.registry.client.SchemaRegistryClient;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.Schema;

/** How a record names its writer schema: a registry id (magic 0) or a CP 8.x GUID (magic 1). */
public sealed interface SchemaRef {
  Schema resolve(SchemaRegistryClient client);

  /** The classic 4-byte id. */
  record ById(int id) implements SchemaRef {
    @Override
    public Schema resolve(SchemaRegistryClient client) {
      return client.schemaById(id);
    }

    @Override
    public String toString() {
      return "schema id " + id;
    }
  }

  /** The 16-byte GUID of the header variant. */
  record ByGuid(UUID guid) implements SchemaRef {
    public ByGuid {
      Objects.requireNonNull(guid, "guid");
    }

    @Override
    public Schema resolve(SchemaRegistryClient client) {
      return client.schemaByGuid(guid);
    }

    @Override
    public String toString() {
      return "schema guid " + guid;
    }
  }
}
