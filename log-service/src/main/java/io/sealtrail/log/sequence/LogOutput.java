package io.sealtrail.log.sequence;

/** What the sequencer publishes: an entry (JSON) for the log topic, or a signed checkpoint. */
public sealed interface LogOutput {
  String text();

  /** One appended leaf as {@code ProofJson.entry}. */
  record Entry(String text) implements LogOutput {}

  /** One signed checkpoint note. */
  record Checkpoint(String text) implements LogOutput {}
}
