package io.sealtrail.bench.kafka;

import io.sealtrail.bench.Progress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The raw-producer baseline: sends records as fast as an acks=all idempotent producer takes them
 * and reports records per second until the last one is acknowledged.
 */
public final class RawProducerRun {
  private RawProducerRun() {}

  /** A record to send: its key and value bytes. */
  public record Keyed(byte[] key, byte[] value) {}

  public static double recordsPerSecond(String bootstrapServers, String topic, List<Keyed> records)
      throws Exception {
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = Clients.durableProducer(bootstrapServers)) {
      for (int i = 0; i < records.size(); i++) {
        Keyed record = records.get(i);
        producer.send(
            new ProducerRecord<>(topic, record.key(), record.value()),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
        if (i > 0 && i % 20_000 == 0) {
          Progress.say("  produced %,d of %,d to %s", i, records.size(), topic);
        }
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failure.get() != null) {
      throw failure.get();
    }
    return records.size() / seconds;
  }
}
