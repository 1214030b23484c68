package io.sealtrail.log.sequence;

import io.sealtrail.translog.entry.AcceptedEventLeaf;
import io.sealtrail.translog.entry.LogEntry;
import io.sealtrail.translog.json.ProofJson;
import io.sealtrail.translog.merkle.AppendableMerkleTree;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The log's one writer: the only task of the single-partition sequencing topic. Each leaf it reads
 * gets the next index, in the topic's order, which is the log's total order; its nodes, its bytes
 * and its event's index are stored, and its entry is published. Every {@code interval} of wall
 * clock, whether or not more events came, a tree that grew since the last checkpoint is signed: the
 * checkpoint is stored (with its size as the last signed) and published in the same transaction.
 *
 * <p>Replaying the sequencing topic's records in their order yields the same leaves at the same
 * indices, and Ed25519 is deterministic, so a checkpoint of size n is the same bytes whenever it is
 * signed: the log cannot fork. The size signed never decreases.
 */
final class Sequencer implements Processor<String, byte[], String, LogOutput> {
  private final String origin;
  private final NoteSigner signer;
  private final Duration interval;
  private ProcessorContext<String, LogOutput> context;
  private KeyValueStore<Bytes, byte[]> treeStore;
  private KeyValueStore<Bytes, byte[]> entries;
  private KeyValueStore<Bytes, byte[]> events;
  private KeyValueStore<Bytes, byte[]> checkpoints;
  private AppendableMerkleTree tree;

  Sequencer(String origin, NoteSigner signer, Duration interval) {
    this.origin = origin;
    this.signer = signer;
    this.interval = interval;
  }

  @Override
  public void init(ProcessorContext<String, LogOutput> context) {
    this.context = context;
    treeStore = context.getStateStore(LogStores.TREE);
    entries = context.getStateStore(LogStores.ENTRIES);
    events = context.getStateStore(LogStores.EVENTS);
    checkpoints = context.getStateStore(LogStores.CHECKPOINTS);
    tree = new AppendableMerkleTree(new StoredTree(treeStore));
    context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::checkpoint);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    // Decoding checks the bytes are one v1 leaf; the entry JSON names its fields.
    AcceptedEventLeaf leaf = AcceptedEventLeaf.decode(record.value());
    long index = tree.append(record.value());
    entries.put(LogStores.number(index), record.value());
    // An event id seen again keeps pointing at its first leaf (ingest accepts each once).
    events.putIfAbsent(
        LogStores.eventKey(leaf.partnerId(), leaf.eventId()), LogStores.number(index).get());
    String entry = ProofJson.entry(new LogEntry(index, leaf));
    context.forward(record.withKey(Long.toString(index)).withValue(new LogOutput.Entry(entry)));
  }

  private void checkpoint(long wallClock) {
    long size = tree.size();
    byte[] last = treeStore.get(LogStores.LAST_SIGNED);
    if (last != null) {
      long signed = LogStores.number(last);
      if (size < signed) {
        throw new IllegalStateException(
            "the tree has " + size + " leaves but size " + signed + " was signed: refusing");
      }
      if (size == signed) {
        return;
      }
    }
    String note = new Checkpoint(origin, size, tree.rootHash(size)).sign(signer).toString();
    checkpoints.put(LogStores.number(size), note.getBytes(StandardCharsets.UTF_8));
    treeStore.put(LogStores.LAST_SIGNED, LogStores.number(size).get());
    context.forward(new Record<>(origin, new LogOutput.Checkpoint(note), wallClock));
  }
}
