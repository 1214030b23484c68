package io.sealtrail.system.multinode;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.state.CustodyFold;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.system.multinode.IngestClient.Position;
import io.sealtrail.testing.Eventually;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What must hold once every round of {@code lives} was acknowledged, whatever failed meanwhile:
 * every acknowledged event on custody.events (read_committed) exactly once, where ingest said;
 * every serial's state (on custody.state and answered by the query API) the fold of its events;
 * every violation once; one alert per incident, and one alert id per alert type and subject.
 */
final class Invariants {
  // How long what the streams write may take to show on a topic read committed.
  private static final Duration CONVERGE = Duration.ofSeconds(60);

  private final Platform platform;
  private final DeviceLives lives;

  Invariants(Platform platform, DeviceLives lives) {
    this.platform = platform;
    this.lives = lives;
  }

  /** Checks it all; {@code survivor} answers the state queries. */
  void verify(IngestClient client, ServiceProcess survivor, StateQueries queries) throws Exception {
    var events =
        CommittedRecords.of(
            platform.bootstrapServers(),
            "custody.events",
            serde(VerifiedEvent.class).deserializer());
    assertEveryAcknowledgedEventOnceWhereIngestSaid(events, client);
    Map<String, CustodyState> expected = foldOnce(events);
    for (String serial : lives.serials()) {
      var answer = queries.awaitEventCount(survivor, serial, DeviceLives.ROUNDS);
      assertThat(answer.get("chainHash").asText())
          .as(serial)
          .isEqualTo(expected.get(serial).getChainHash());
    }
    assertThat(queries.unavailable())
        .as("answers other than 200 while instances moved")
        .allMatch(s -> s == 503);
    // The queries answer from the stores, which hold what the open transaction wrote: the topic
    // (read_committed) shows it once that transaction commits, which a broker lost may delay.
    awaitEqual(
        "latest custody.state per serial",
        () ->
            latestByKey(
                CommittedRecords.of(
                    platform.bootstrapServers(),
                    "custody.state",
                    serde(CustodyState.class).deserializer())),
        expected);
    assertEveryViolationOnce();
    assertOneAlertPerIncident();
  }

  // Alerts come after the violations, from the anomaly instance: wait (bounded) for every one.
  private void assertOneAlertPerIncident() throws InterruptedException {
    Set<String> brokenSerials = new TreeSet<>();
    for (int i = 0; i < lives.serials().size(); i++) {
      if (DeviceLives.sealBroken(i)) {
        brokenSerials.add(lives.serials().get(i));
      }
    }
    Map<String, Set<String>> alertIdsBySubject =
        Eventually.latest(
            this::sealBrokenAlertIds, a -> a.keySet().equals(brokenSerials), CONVERGE);
    assertThat(alertIdsBySubject.keySet()).isEqualTo(brokenSerials);
    assertThat(alertIdsBySubject.values())
        .as("alert ids per incident")
        .allSatisfy(ids -> assertThat(ids).hasSize(1));
    // Any other alert too (a rejection spike of forged submissions, if their window spiked): one id
    // per type and subject, whatever instance was killed or cut off meanwhile.
    assertThat(
            CommittedRecords.of(
                    platform.bootstrapServers(),
                    "custody.alerts",
                    serde(Alert.class).deserializer())
                .stream()
                .map(ConsumerRecord::value)
                .collect(
                    Collectors.groupingBy(
                        a -> a.getType() + " " + a.getSubject().getId(),
                        Collectors.mapping(Alert::getAlertId, Collectors.toSet()))))
        .as("alert ids per type and subject")
        .allSatisfy((subject, ids) -> assertThat(ids).as(subject).hasSize(1));
  }

  private void assertEveryAcknowledgedEventOnceWhereIngestSaid(
      List<ConsumerRecord<String, VerifiedEvent>> events, IngestClient client) {
    Map<String, List<Position>> positions =
        events.stream()
            .collect(
                Collectors.groupingBy(
                    r -> new Observation(r.value()).eventId(),
                    Collectors.mapping(
                        r -> new Position(r.partition(), r.offset()), Collectors.toList())));
    List<String> sent =
        lives.serials().stream()
            .flatMap(
                s ->
                    IntStream.range(0, DeviceLives.ROUNDS).mapToObj(r -> DeviceLives.eventId(s, r)))
            .toList();
    assertThat(client.acknowledged().keySet()).containsExactlyInAnyOrderElementsOf(sent);
    client
        .acknowledged()
        .forEach(
            (eventId, position) ->
                assertThat(positions.get(eventId)).as(eventId).containsExactly(position));
    assertThat(positions.keySet()).containsExactlyInAnyOrderElementsOf(sent);
  }

  // Records of one serial are in one partition, in the order the fold must take them.
  private static Map<String, CustodyState> foldOnce(
      List<ConsumerRecord<String, VerifiedEvent>> events) {
    Map<String, CustodyState> states = new HashMap<>();
    for (var record : events) {
      Observation event = new Observation(record.value());
      states.put(event.serial(), CustodyFold.apply(states.get(event.serial()), event));
    }
    return states;
  }

  private void assertEveryViolationOnce() throws InterruptedException {
    Map<String, Long> expected = new LinkedHashMap<>();
    for (int i = 0; i < lives.serials().size(); i++) {
      if (DeviceLives.sealBroken(i)) {
        String serial = lives.serials().get(i);
        expected.put(
            "SEAL_BROKEN:" + serial + ":" + Partner.ID + ":" + DeviceLives.eventId(serial, 2), 1L);
      }
    }
    awaitEqual("violations per id", this::violationCounts, expected);
  }

  private Map<String, Long> violationCounts() {
    return CommittedRecords.of(
            platform.bootstrapServers(),
            "custody.violations",
            serde(Violation.class).deserializer())
        .stream()
        .collect(Collectors.groupingBy(r -> r.value().getViolationId(), Collectors.counting()));
  }

  /**
   * Reads {@code actual} until it equals {@code expected}, for a bounded time: what the streams
   * write shows on a topic read committed only once their transaction commits. A duplicate or a
   * loss never converges, and fails with the last reading.
   */
  private static <T> void awaitEqual(String what, Supplier<T> actual, T expected)
      throws InterruptedException {
    assertThat(Eventually.latest(actual, expected::equals, CONVERGE)).as(what).isEqualTo(expected);
  }

  private Map<String, Set<String>> sealBrokenAlertIds() {
    return CommittedRecords.of(
            platform.bootstrapServers(), "custody.alerts", serde(Alert.class).deserializer())
        .stream()
        .map(ConsumerRecord::value)
        .filter(a -> a.getType() == AlertType.SEAL_BROKEN)
        .collect(
            Collectors.groupingBy(
                a -> a.getSubject().getId(),
                TreeMap::new,
                Collectors.mapping(Alert::getAlertId, Collectors.toSet())));
  }

  private static <V extends SpecificRecord> Map<String, V> latestByKey(
      List<ConsumerRecord<String, V>> records) {
    return records.stream()
        .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> b));
  }

  private <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
    var serde = new SpecificAvroSerde<>(type);
    serde.configure(Map.of("schema.registry.url", platform.registryUrl().toString()), false);
    return serde;
  }
}
