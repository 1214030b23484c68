package io.sealtrail.ingest.event;

/**
 * Thrown inside {@link EventReader} when a field breaks the schema; the reader turns it into an
 * {@link EventReading.Violation} value at its boundary, so it never escapes.
 */
final class SchemaViolation extends RuntimeException {

  private final String pointer;

  SchemaViolation(String pointer, String message) {
    super(message, null, false, false);
    this.pointer = pointer;
  }

  String pointer() {
    return pointer;
  }
}
