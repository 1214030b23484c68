package io.sealtrail.registry.serde;

import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Picks the schema a record is read into: a fixed reader class when one is configured, the
 * generated class named like the writer schema with {@code specific.avro.reader}, else the writer
 * schema itself (generic reading).
 */
final class ReaderSchemas {
  private final Optional<Schema> fixed;
  private final boolean specific;

  private ReaderSchemas(Optional<Schema> fixed, boolean specific) {
    this.fixed = fixed;
    this.specific = specific;
  }

  static ReaderSchemas of(
      Optional<Class<?>> readerClass, Optional<String> configuredClass, boolean specificReader) {
    Optional<Class<?>> type = readerClass.or(() -> configuredClass.map(ReaderSchemas::load));
    Optional<Schema> fixed = type.map(t -> SpecificData.getForClass(t).getSchema(t));
    return new ReaderSchemas(fixed, specificReader || fixed.isPresent());
  }

  /** Whether values are read into generated classes (with their own model and conversions). */
  boolean specific() {
    return specific;
  }

  Schema readerFor(Schema writer) {
    if (fixed.isPresent()) {
      return fixed.get();
    }
    if (!specific
        || (writer.getType() != Schema.Type.RECORD
            && writer.getType() != Schema.Type.ENUM
            && writer.getType() != Schema.Type.FIXED)) {
      return writer;
    }
    Class<?> type = SpecificData.get().getClass(writer);
    if (type == null) {
      throw new SerializationException(
          "Could not find class "
              + writer.getFullName()
              + " specified in writer's schema whilst finding reader's schema for a SpecificRecord.");
    }
    return SpecificData.getForClass(type).getSchema(type);
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new SerializationException(
          "Could not find the configured reader class " + className, e);
    }
  }
}
