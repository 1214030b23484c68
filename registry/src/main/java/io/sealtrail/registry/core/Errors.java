package io.sealtrail.registry.core;

import java.util.List;

/** Factories for the errors Confluent's registry answers, with its codes and message wording. */
public final class Errors {
  private Errors() {}

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
        409,
        "Schema being registered is incompatible with an earlier schema for subject \""
            + subject
            + "\", details: ["
            + String.join(", ", details)
            + "]");
  }

  public static SchemaRegistryException invalidSchema(String reason) {
    return new SchemaRegistryException(422, 42201, "Invalid schema: " + reason);
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

  public static SchemaRegistryException storeError(String reason, Throwable cause) {
    return new SchemaRegistryException(
        500, 50001, "Error in the backend data store: " + reason, cause);
  }

  public static SchemaRegistryException storeTimeout(String reason) {
    return new SchemaRegistryException(500, 50002, "Operation timed out: " + reason);
  }
}
