package io.sealtrail.registry.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}: BACKWARD
 * means the new schema reads data written with the old, FORWARD the reverse, FULL both; the
 * transitive levels compare with every live version instead of the latest only.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** Parses a level case-insensitively; anything else answers 42203. */
  public static CompatibilityLevel parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw Errors.invalidCompatibilityLevel();
    }
  }

  /** The versions a candidate is compared with, given the live versions newest first. */
  public List<SchemaVersion> comparedWith(List<SchemaVersion> liveNewestFirst) {
    if (this == NONE || liveNewestFirst.isEmpty()) {
      return List.of();
    }
    return transitive ? liveNewestFirst : liveNewestFirst.subList(0, 1);
  }

  /**
   * Checks the candidate against each given version, newest first, stopping at the first that
   * fails; answers Confluent-style detail messages, empty when compatible.
   */
  public List<String> check(Schema candidate, List<SchemaVersion> versions) {
    for (SchemaVersion old : versions) {
      List<String> problems = problems(candidate, old.parsed());
      if (!problems.isEmpty()) {
        problems.add("{oldSchemaVersion: " + old.version() + "}");
        problems.add("{oldSchema: '" + old.schema() + "'}");
        problems.add("{validateFields: 'false', compatibility: '" + name() + "'}");
        return problems;
      }
    }
    return List.of();
  }

  private List<String> problems(Schema candidate, Schema old) {
    List<String> problems = new ArrayList<>();
    if (backward) {
      describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), "new", problems);
    }
    if (forward) {
      describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate), "old", problems);
    }
    return problems;
  }

  private static void describe(
      SchemaCompatibility.SchemaPairCompatibility result, String reader, List<String> out) {
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      out.add(
          "{errorType:'"
              + incompatibility.getType()
              + "', description:'The "
              + reader
              + " schema cannot read at path '"
              + incompatibility.getLocation()
              + "'', additionalInfo:'"
              + incompatibility.getMessage()
              + "'}");
    }
  }
}
