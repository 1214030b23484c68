package io.sealtrail.translog.entry;

import io.sealtrail.translog.merkle.Hash;

/** One entry of the log: its index and the accepted event it records. */
public record LogEntry(long index, AcceptedEventLeaf leaf) {
  public LogEntry {
    if (index < 0 || leaf == null) {
      throw new IllegalArgumentException("an entry needs an index >= 0 and a leaf");
    }
  }

  public byte[] leafBytes() {
    return leaf.encode();
  }

  public Hash leafHash() {
    return leaf.leafHash();
  }
}
