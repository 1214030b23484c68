package io.sealtrail.custody.history;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.process.ZeroPadded;
import io.sealtrail.custody.state.ChainHash;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Every event of a serial in the order it was folded, each with its original envelope and the link
 * of the hash chain after it, read from the history store of the instance owning the serial.
 */
public final class SerialHistory {
  static final String SEPARATOR = "\n";
  private final ReadOnlyKeyValueStore<String, VerifiedEvent> store;

  /** One event of the history and the chain link it produced. */
  public record Entry(long sequence, VerifiedEvent event, String chainHash) {}

  public SerialHistory(ReadOnlyKeyValueStore<String, VerifiedEvent> store) {
    this.store = store;
  }

  /** The store key of the {@code sequence}-th event of {@code serial}; sorts in sequence order. */
  public static String key(String serial, long sequence) {
    return ZeroPadded.of(sequence, 19, prefixOf(serial));
  }

  /** The prefix of every store key of {@code serial}'s history. */
  public static String prefixOf(String serial) {
    return serial + SEPARATOR;
  }

  /** The history of {@code serial}, first event first; empty for a serial never seen. */
  public List<Entry> of(String serial) {
    String prefix = prefixOf(serial);
    List<Entry> entries = new ArrayList<>();
    String chain = ChainHash.GENESIS;
    try (KeyValueIterator<String, VerifiedEvent> events =
        store.prefixScan(prefix, new StringSerializer())) {
      while (events.hasNext()) {
        var next = events.next();
        chain = ChainHash.next(chain, next.value.getPayloadSha256());
        long sequence = Long.parseLong(next.key.substring(prefix.length()));
        entries.add(new Entry(sequence, next.value, chain));
      }
    }
    return entries;
  }
}
