package io.sealtrail.registry.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

/**
 * Parsing and identity of Avro schemas the way Confluent's registry does it: strict parsing of new
 * schemas, lenient parsing of stored ones, {@code Schema#toString()} as canonical form, and the
 * MD5-based schema GUID.
 */
public final class AvroSchemas {
  private AvroSchemas() {}

  /** Parses a schema being registered; invalid names, types or defaults answer 42201. */
  public static Schema parseStrict(String text) {
    if (text == null || text.isBlank()) {
      throw Errors.invalidSchema("the schema is empty");
    }
    try {
      return new Schema.Parser().parse(text);
    } catch (AvroRuntimeException | IllegalArgumentException e) {
      throw Errors.invalidSchema(e.getMessage());
    }
  }

  /** Parses a schema that was already accepted once, without re-validating names or defaults. */
  public static Schema parseLenient(String text) {
    return new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false).parse(text);
  }

  /** The string Confluent stores and compares: Avro's compact {@code toString()}. */
  public static String canonical(String text) {
    return parseStrict(text).toString();
  }

  /** Confluent's schema GUID (CP 8.x): the MD5 of the canonical string read as a UUID. */
  public static UUID guid(String canonical) {
    try {
      byte[] md5 =
          MessageDigest.getInstance("MD5").digest(canonical.getBytes(StandardCharsets.UTF_8));
      ByteBuffer buffer = ByteBuffer.wrap(md5);
      return new UUID(buffer.getLong(), buffer.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
  }
}
