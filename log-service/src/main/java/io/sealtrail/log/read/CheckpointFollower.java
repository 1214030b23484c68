package io.sealtrail.log.read;

import io.sealtrail.platform.loop.PollingLoop;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.SignedNote;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The latest checkpoint as committed on the checkpoints topic (read committed): what the log serves
 * as its head. The sequencer's store may hold a checkpoint whose transaction is then aborted; one
 * read here can never be taken back, so a monitor never sees the served size go down, even across a
 * fail-over. At start it reads the topic's tail only (each checkpoint takes two offsets with its
 * commit marker), from the start if the tail holds none.
 */
public final class CheckpointFollower implements AutoCloseable {
  public static final String NAME = "logCheckpointFollower";
  private static final long TAIL = 1000;
  private static final Duration POLL = Duration.ofMillis(500);

  private final TopicPartition partition;
  private final KafkaConsumer<String, String> consumer;
  private final PollingLoop loop;
  private volatile Latest latest;
  private volatile boolean caughtUp;
  private long catchUpEnd;
  private boolean readFromStart;

  /** The latest signed note and the tree size it is of. */
  public record Latest(long size, String note) {}

  public CheckpointFollower(String topic, Map<String, String> clientSettings) {
    Map<String, Object> settings = new HashMap<>(clientSettings);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.partition = new TopicPartition(topic, 0);
    this.consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    this.loop =
        new PollingLoop(
            NAME,
            new PollingLoop.Body() {
              @Override
              public void open() {
                openAtTail();
              }

              @Override
              public void poll() {
                read();
              }
            },
            consumer::wakeup,
            consumer);
  }

  public CheckpointFollower start() {
    loop.start();
    return this;
  }

  private void openAtTail() {
    consumer.assign(List.of(partition));
    catchUpEnd = consumer.endOffsets(List.of(partition)).get(partition);
    consumer.seek(partition, Math.max(0, catchUpEnd - TAIL));
    readFromStart = catchUpEnd <= TAIL;
  }

  private void read() {
    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
      SignedNote note = SignedNote.parse(record.value());
      long size = Checkpoint.parse(note.text()).size();
      if (latest == null || size >= latest.size()) {
        latest = new Latest(size, record.value());
      }
    }
    if (!caughtUp && consumer.position(partition) >= catchUpEnd) {
      if (latest == null && !readFromStart) {
        consumer.seek(partition, 0);
        readFromStart = true;
      } else {
        caughtUp = true;
      }
    }
  }

  /** The latest committed checkpoint, if one was signed. */
  public Optional<Latest> latest() {
    return Optional.ofNullable(latest);
  }

  /** Whether the topic was read up to where it ended at start. */
  public boolean caughtUp() {
    return caughtUp;
  }

  public CompletableFuture<Void> stopped() {
    return loop.stopped();
  }

  @Override
  public void close() {
    loop.close();
  }
}
