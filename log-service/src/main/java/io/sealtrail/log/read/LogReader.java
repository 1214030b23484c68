package io.sealtrail.log.read;

import io.sealtrail.log.sequence.LogStores;
import io.sealtrail.log.sequence.StoredNodes;
import io.sealtrail.translog.entry.AcceptedEventLeaf;
import io.sealtrail.translog.entry.LogEntry;
import io.sealtrail.translog.json.ProofJson;
import io.sealtrail.translog.merkle.InclusionProof;
import io.sealtrail.translog.merkle.MerkleTree;
import io.sealtrail.translog.note.NoteVerifierKey;
import io.sealtrail.translog.note.SignedNote;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What the log's routes answer. The head is the latest committed checkpoint ({@link
 * CheckpointFollower}); every proof and entry is of a size at most that head's, read from the
 * sequencer's stores, so all that is served is covered by a signed checkpoint. Its presence as a
 * bean switches the log routes on.
 */
public final class LogReader {
  /** The most entries one request returns. */
  public static final int MAX_ENTRIES = 1000;

  /** How many entries a request without an end gets. */
  public static final int DEFAULT_ENTRIES = 100;

  private static final Duration BEHIND_RETRY = Duration.ofSeconds(1);

  private final LogStoreAccess stores;
  private final CheckpointFollower head;
  private final NoteVerifierKey key;
  private final Duration checkpointInterval;

  public LogReader(
      LogStoreAccess stores,
      CheckpointFollower head,
      NoteVerifierKey key,
      Duration checkpointInterval) {
    this.stores = stores;
    this.head = head;
    this.key = key;
    this.checkpointInterval = checkpointInterval;
  }

  /** The verifier key string of the log. */
  public String key() {
    return key.toString();
  }

  /** The latest signed checkpoint note. */
  public String checkpoint() {
    return latest().note();
  }

  /**
   * The inclusion proof of an event in the tree of {@code treeSize}, or the latest checkpoint's.
   */
  public String inclusion(String partnerId, String eventId, Long treeSize) {
    CheckpointFollower.Latest latest = latest();
    long size = treeSize == null ? latest.size() : treeSize;
    requireAtMost("treeSize", size, latest);
    byte[] found = stores.store(LogStores.EVENTS).get(LogStores.eventKey(partnerId, eventId));
    if (found == null) {
      throw LogProblems.unknownEvent(partnerId, eventId);
    }
    long index = LogStores.number(found);
    if (index >= size) {
      if (treeSize == null) {
        throw LogProblems.notYetCheckpointed(index, size, checkpointInterval);
      }
      throw LogProblems.badRange(
          "treeSize", "the event is leaf " + index + ", not in a tree of size " + size);
    }
    String note = size == latest.size() ? latest.note() : signedAt(size);
    return ProofJson.inclusion(tree(size).inclusionProof(index, size), SignedNote.parse(note));
  }

  /**
   * The latest signed checkpoint, to which an evidence bundle pins every proof it carries.
   *
   * @throws LogUnavailableException before the first checkpoint
   */
  public CheckpointFollower.Latest head() {
    return latest();
  }

  /**
   * The inclusion proof of an event in the tree of {@code head}, or empty when the event is not in
   * that tree (not yet appended, or appended after it).
   */
  public Optional<InclusionProof> inclusionIn(
      CheckpointFollower.Latest head, String partnerId, String eventId) {
    byte[] found = stores.store(LogStores.EVENTS).get(LogStores.eventKey(partnerId, eventId));
    if (found == null || LogStores.number(found) >= head.size()) {
      return Optional.empty();
    }
    return Optional.of(tree(head.size()).inclusionProof(LogStores.number(found), head.size()));
  }

  /** The proof that the tree of size {@code from} is a prefix of that of size {@code to}. */
  public String consistency(long from, long to) {
    CheckpointFollower.Latest latest = latest();
    requireAtMost("to", to, latest);
    if (from > to) {
      throw LogProblems.badRange("from", "from " + from + " is after to " + to);
    }
    return ProofJson.consistency(tree(to).consistencyProof(from, to));
  }

  /**
   * Entries {@code start} (inclusive) to {@code end} (exclusive), at most {@value MAX_ENTRIES};
   * without an end, up to {@value DEFAULT_ENTRIES} of them within the latest checkpoint.
   */
  public String entries(long start, Long endOrNull) {
    CheckpointFollower.Latest latest = latest();
    long end = endOrNull != null ? endOrNull : Math.min(latest.size(), start + DEFAULT_ENTRIES);
    requireAtMost("end", end, latest);
    if (start >= end) {
      throw LogProblems.badRange("start", "start " + start + " is not before end " + end);
    }
    if (end - start > MAX_ENTRIES) {
      throw LogProblems.badRange(
          "end", "at most " + MAX_ENTRIES + " entries per request, asked " + (end - start));
    }
    tree(end);
    ReadOnlyKeyValueStore<Bytes, byte[]> leaves = stores.store(LogStores.ENTRIES);
    List<String> entries = new ArrayList<>();
    for (long index = start; index < end; index++) {
      byte[] leaf = leaves.get(LogStores.number(index));
      if (leaf == null) {
        throw behind(end);
      }
      entries.add(ProofJson.entry(new LogEntry(index, AcceptedEventLeaf.decode(leaf))));
    }
    return "{\"entries\":[" + String.join(",", entries) + "]}";
  }

  private CheckpointFollower.Latest latest() {
    return head.latest()
        .orElseThrow(
            () ->
                new LogUnavailableException(
                    "the log has not published a checkpoint yet", checkpointInterval, null));
  }

  private static void requireAtMost(String parameter, long size, CheckpointFollower.Latest head) {
    if (size > head.size()) {
      throw LogProblems.badRange(
          parameter,
          parameter
              + " "
              + size
              + " is beyond the latest checkpoint, of size "
              + head.size()
              + " (GET /v1/log/checkpoint)");
    }
  }

  private String signedAt(long size) {
    byte[] note = stores.store(LogStores.CHECKPOINTS).get(LogStores.number(size));
    if (note == null) {
      throw LogProblems.noCheckpointAt(size);
    }
    return new String(note, StandardCharsets.UTF_8);
  }

  /** The stored tree, which must reach {@code size} (a standby copy may trail the head). */
  private MerkleTree tree(long size) {
    MerkleTree tree = new MerkleTree(StoredNodes.of(stores.store(LogStores.TREE)));
    if (tree.size() < size) {
      throw behind(size);
    }
    return tree;
  }

  private static LogUnavailableException behind(long size) {
    return new LogUnavailableException(
        "this instance's copy of the log has not reached size " + size + " yet",
        BEHIND_RETRY,
        null);
  }
}
