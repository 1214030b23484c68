package io.sealtrail.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is remembered of an accepted event, keyed by its {@link DedupKey}: its payload hash, to tell
 * a duplicate from a replay, and where it landed on {@code custody.events}, to answer duplicates
 * with the original's position. Its wire form is one line of text on the compacted dedup topic.
 */
public record DedupEntry(
    String payloadSha256, int eventsPartition, long eventsOffset, Instant receivedAt) {
  private static final Pattern WIRE = Pattern.compile("v1 [0-9a-f]{64} \\d+ \\d+ -?\\d+");

  public DedupEntry {
    Objects.requireNonNull(payloadSha256, "payloadSha256");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  public byte[] toBytes() {
    String line =
        String.join(
            " ",
            "v1",
            payloadSha256,
            Integer.toString(eventsPartition),
            Long.toString(eventsOffset),
            Long.toString(receivedAt.toEpochMilli()));
    return line.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the wire form; throws for bytes this class did not write. */
  public static DedupEntry fromBytes(byte[] bytes) {
    String line = new String(bytes, StandardCharsets.UTF_8);
    if (!WIRE.matcher(line).matches()) {
      throw new IllegalArgumentException("not a dedup entry: " + line);
    }
    String[] parts = line.split(" ");
    return new DedupEntry(
        parts[1],
        Integer.parseInt(parts[2]),
        Long.parseLong(parts[3]),
        Instant.ofEpochMilli(Long.parseLong(parts[4])));
  }
}
