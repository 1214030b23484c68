package io.sealtrail.ingest.outcome;

import io.sealtrail.avro.outcome.OutcomeStatus;
import io.sealtrail.avro.outcome.PartnerOutcome;
import io.sealtrail.ingest.IngestTopics;
import io.sealtrail.ingest.gateway.KafkaUnavailableException;
import io.sealtrail.platform.topic.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads partners' outcome topics (ADR 11) with {@code read_committed}, so only outcomes of
 * committed decisions are seen: a page of one partner's outcomes from a position or a time, and the
 * events a partner had accepted. Each call reads with a consumer of its own, assigned (no group) to
 * the one partition of the partner's topic, up to the last stable offset at its start. Thread-safe.
 */
public final class OutcomeLog {

  private final Supplier<Consumer<String, byte[]>> consumers;
  private final IngestTopics topics;
  private final Deserializer<PartnerOutcome> values;
  private final Duration timeout;

  public OutcomeLog(
      Supplier<Consumer<String, byte[]>> consumers, IngestTopics topics, Duration timeout) {
    this.consumers = consumers;
    this.topics = topics;
    this.values = topics.outcomes().valueSerde().deserializer();
    this.timeout = timeout;
  }

  /** One outcome with its position on the partner's topic. */
  public record Positioned(long position, PartnerOutcome outcome) {}

  /** A page of outcomes, and the position to ask for next. */
  public record Page(List<Positioned> outcomes, long next) {}

  /** An accepted event: where it is on custody.events, its payload hash, when it was received. */
  public record Accepted(
      String eventId, int partition, long offset, String payloadSha256, Instant receivedAt) {
    public Accepted {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(payloadSha256, "payloadSha256");
    }
  }

  /**
   * Where to start reading: at a position of the partner's topic, or at the first outcome written
   * at or after a time.
   */
  public sealed interface From {
    record Position(long position) implements From {}

    record Time(Instant at) implements From {}
  }

  /** Up to {@code limit} outcomes of {@code partnerId}, oldest first, starting {@code from}. */
  public Page read(String partnerId, From from, int limit) {
    Optional<TopicPartition> partition = partition(partnerId);
    if (partition.isEmpty()) {
      return new Page(List.of(), from instanceof From.Position p ? p.position() : 0);
    }
    List<Positioned> page = new ArrayList<>();
    long next =
        scan(
            partition.get(),
            from,
            record -> {
              page.add(
                  new Positioned(
                      record.offset(), values.deserialize(record.topic(), record.value())));
              return page.size() < limit;
            });
    return new Page(page, next);
  }

  /**
   * The events among {@code eventIds} that {@code partnerId} had accepted (the first acceptance of
   * each), reading the outcomes written from {@code from} on.
   */
  public Map<String, Accepted> accepted(String partnerId, Set<String> eventIds, Instant from) {
    Map<String, Accepted> found = new HashMap<>();
    Optional<TopicPartition> partition = partition(partnerId);
    if (partition.isEmpty() || eventIds.isEmpty()) {
      return found;
    }
    scan(
        partition.get(),
        new From.Time(from),
        record -> {
          // Only keys that were asked for are deserialized: a partner's topic is mostly others.
          if (record.key() != null && eventIds.contains(record.key())) {
            PartnerOutcome outcome = values.deserialize(record.topic(), record.value());
            if (outcome.getStatus() == OutcomeStatus.ACCEPTED) {
              found.putIfAbsent(
                  outcome.getEventId(),
                  new Accepted(
                      outcome.getEventId(),
                      outcome.getPartition(),
                      outcome.getOffset(),
                      outcome.getPayloadSha256(),
                      outcome.getReceivedAt()));
            }
          }
          return found.size() < eventIds.size();
        });
    return found;
  }

  private Optional<TopicPartition> partition(String partnerId) {
    return topics.outcomesOf(partnerId).map(Topic::name).map(name -> new TopicPartition(name, 0));
  }

  /** What a scan does with each record; false stops it. */
  private interface Visit {
    boolean accept(ConsumerRecord<String, byte[]> record);
  }

  /**
   * Reads from {@code from} up to the end at the start of the call; the position after the last.
   */
  private long scan(TopicPartition partition, From from, Visit visit) {
    try (Consumer<String, byte[]> consumer = consumers.get()) {
      if (consumer.partitionsFor(partition.topic(), timeout).isEmpty()) {
        return from instanceof From.Position p ? p.position() : 0;
      }
      consumer.assign(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
      long start = Math.min(start(consumer, partition, from), end);
      consumer.seek(partition, start);
      long position = start;
      long deadline = System.nanoTime() + timeout.toNanos();
      while (position < end) {
        if (System.nanoTime() > deadline) {
          throw new KafkaUnavailableException("outcomes not read in time", timeout, null);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() >= end) {
            return position;
          }
          position = record.offset() + 1;
          if (!visit.accept(record)) {
            return position;
          }
        }
        // Transaction markers and aborted records take offsets no record is returned for.
        position = Math.max(position, Math.min(consumer.position(partition, timeout), end));
      }
      return position;
    } catch (KafkaException e) {
      throw new KafkaUnavailableException("outcomes not read: " + e.getMessage(), timeout, e);
    }
  }

  private long start(Consumer<String, byte[]> consumer, TopicPartition partition, From from) {
    if (from instanceof From.Position position) {
      long earliest = consumer.beginningOffsets(List.of(partition), timeout).get(partition);
      return Math.max(position.position(), earliest);
    }
    Instant at = ((From.Time) from).at();
    OffsetAndTimestamp found =
        consumer.offsetsForTimes(Map.of(partition, at.toEpochMilli()), timeout).get(partition);
    return found == null ? Long.MAX_VALUE : found.offset();
  }
}
