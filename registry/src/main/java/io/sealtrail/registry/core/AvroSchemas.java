package io.sealtrail.registry.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

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
      throw Errors.emptySchema();
    }
    try {
      return new Schema.Parser().parse(text);
    } catch (RuntimeException e) {
      // Avro 1.12 answers some malformed schemas ({"type":"recordx"}) with a NullPointerException.
      throw Errors.invalidSchema(reason(e));
    }
  }

  /**
   * Parses a schema that was already accepted once, without re-validating names or defaults; any
   * failure, even one Avro reports as a bare runtime exception, is a {@link SchemaParseException}.
   */
  public static Schema parseLenient(String text) {
    try {
      return new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false).parse(text);
    } catch (RuntimeException e) {
      SchemaParseException failure = new SchemaParseException("Cannot parse schema: " + reason(e));
      failure.initCause(e);
      throw failure;
    }
  }

  /**
   * Avro's own message, without exception class names; a failure that is not Avro's (a bare
   * NullPointerException or ClassCastException, whose messages name JVM classes) gets a plain one.
   */
  private static String reason(RuntimeException e) {
    if (e instanceof AvroRuntimeException && e.getMessage() != null) {
      return Errors.withoutInternals(e.getMessage());
    }
    return "the text is not a valid Avro schema";
  }

  /** The string Confluent stores and compares: Avro's compact {@code toString()}. */
  public static String canonical(String text) {
    return parseStrict(text).toString();
  }

  /**
   * The schema text to register or look up with {@code normalize=true}: custom properties and
   * aliases in sorted order (see {@link SchemaNormalization}); 42201 when it does not parse.
   */
  public static String normalize(String text) {
    return SchemaNormalization.normalize(text);
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
