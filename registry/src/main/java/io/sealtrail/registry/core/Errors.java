package io.sealtrail.registry.core;

import java.util.List;
import java.util.regex.Pattern;

/** Factories for the errors Confluent's registry answers, with its codes and message wording. */
public final class Errors {
  /**
   * The error code of an incompatible schema (HTTP 409) in Confluent since December 2025 (CP 8.0.4,
   * 8.1.2, 8.2); older versions answer 409. The server can be configured to answer either.
   */
  public static final int INCOMPATIBLE_SCHEMA = 40901;

  /** The error code of an unknown path, also answered for an id that is no number (JAX-RS). */
  public static final int NOT_FOUND = 404;

  /**
   * A Java exception's class name as {@code toString()} puts it before a message (or alone): a name
   * in schema text, such as a record {@code com.acme.ParseError}, is followed by a quote.
   */
  private static final Pattern EXCEPTION_CLASS =
      Pattern.compile("(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*|$)");

  /** Jackson's location suffix, which names its own feature flags or echoes the input. */
  private static final Pattern JSON_SOURCE =
      Pattern.compile("\\s*at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]", Pattern.DOTALL);

  private Errors() {}

  /**
   * A message fit for a client: without Java exception class names (a wrapped Kafka or Jackson
   * exception puts its class before its message) and with Jackson's source location shortened.
   */
  public static String withoutInternals(String message) {
    if (message == null || message.isBlank()) {
      return "Unexpected error";
    }
    String cleaned = EXCEPTION_CLASS.matcher(message).replaceAll("");
    return JSON_SOURCE.matcher(cleaned).replaceAll(" at line $1, column $2").strip();
  }

  public static SchemaRegistryException subjectNotFound(String subject) {
    return new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  public static SchemaRegistryException versionNotFound(int version) {
    return new SchemaRegistryException(404, 40402, "Version " + version + " not found.");
  }

  public static SchemaRegistryException schemaNotFound() {
    return new SchemaRegistryException(404, 40403, "Schema not found");
  }

  public static SchemaRegistryException schemaNotFound(Object id) {
    return new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
  }

  public static SchemaRegistryException subjectSoftDeleted(String subject) {
    return new SchemaRegistryException(
        404,
        40404,
        "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
  }

  public static SchemaRegistryException subjectNotSoftDeleted(String subject) {
    return new SchemaRegistryException(
        404,
        40405,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  public static SchemaRegistryException versionSoftDeleted(String subject, int version) {
    return new SchemaRegistryException(
        404,
        40406,
        "Subject '"
            + subject
            + "' Version "
            + version
            + " was soft deleted.Set permanent=true to delete permanently");
  }

  public static SchemaRegistryException versionNotSoftDeleted(String subject, int version) {
    return new SchemaRegistryException(
        404,
        40407,
        "Subject '"
            + subject
            + "' Version "
            + version
            + " was not deleted first before being permanently deleted");
  }

  public static SchemaRegistryException noSubjectConfig(String subject) {
    return new SchemaRegistryException(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  public static SchemaRegistryException incompatible(String subject, List<String> details) {
    return new SchemaRegistryException(
        409,
        INCOMPATIBLE_SCHEMA,
        "Schema being registered is incompatible with an earlier schema for subject \""
            + subject
            + "\", details: ["
            + String.join(", ", details)
            + "]");
  }

  public static SchemaRegistryException invalidSchema(String reason) {
    return new SchemaRegistryException(422, 42201, "Invalid schema: " + reason);
  }

  /** Confluent's answer to a register, lookup or check without a schema (or a blank one). */
  public static SchemaRegistryException emptySchema() {
    return new SchemaRegistryException(422, 42201, "Empty schema");
  }

  /** A body that is no JSON, or no JSON object: Confluent's rest-utils answer 400 with code 400. */
  public static SchemaRegistryException badRequest(String message) {
    return new SchemaRegistryException(400, 400, message);
  }

  /** A path Confluent does not serve, or a path parameter JAX-RS cannot convert. */
  public static SchemaRegistryException notFound() {
    return new SchemaRegistryException(404, NOT_FOUND, "HTTP 404 Not Found");
  }

  public static SchemaRegistryException invalidVersion(String version) {
    return new SchemaRegistryException(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"");
  }

  public static SchemaRegistryException invalidCompatibilityLevel() {
    return new SchemaRegistryException(
        422,
        42203,
        "Invalid compatibility level. Valid values are none, backward, forward, full,"
            + " backward_transitive, forward_transitive, and full_transitive");
  }

  public static SchemaRegistryException operationNotPermitted(String reason) {
    return new SchemaRegistryException(422, 42205, reason);
  }

  public static SchemaRegistryException idMismatch(String reason) {
    return new SchemaRegistryException(422, 42207, reason);
  }

  public static SchemaRegistryException invalidSubject(String subject) {
    return new SchemaRegistryException(
        422, 42208, "The specified subject '" + subject + "' is not a valid.");
  }

  public static SchemaRegistryException schemaTooLarge(String reason) {
    return new SchemaRegistryException(422, 42209, "Schema too large: " + reason);
  }

  public static SchemaRegistryException storeError(String reason, Throwable cause) {
    return new SchemaRegistryException(
        500, 50001, "Error in the backend data store: " + reason, cause);
  }

  public static SchemaRegistryException storeTimeout(String reason) {
    return new SchemaRegistryException(500, 50002, "Operation timed out: " + reason);
  }
}
