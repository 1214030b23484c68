package io.sealtrail.ingest.pipeline;

import static io.sealtrail.ingest.testing.Events.NOW;
import static io.sealtrail.ingest.testing.Events.OCCURRED;
import static io.sealtrail.ingest.testing.Events.sealApplied;
import static io.sealtrail.ingest.testing.Partners.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.testing.IngestRig;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A partner's events about one subject reach custody.events in the order the partner sent them,
 * within one request and across consecutive ones (issue 13): the submissions topic is keyed by
 * partner, so one partition and one verifier carry them in order.
 */
class PartnerOrderIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final List<String> SUBJECTS = List.of("DEV-A", "DEV-B", "DEV-C");

  private final Partners partners = new Partners();
  private IngestRig rig;
  private KafkaSubmissionGateway gateway;

  @BeforeEach
  void startRig(TestInfo test) throws InterruptedException {
    rig = IngestRig.forTest(KAFKA, test);
    gateway = rig.startGateway("g1");
  }

  @AfterEach
  void stopRig() throws Exception {
    rig.close();
  }

  @Test
  void shouldKeepEachSubjectsOrderWhenOneBatchAndTheNextCarryManyEventsAboutFewSubjects()
      throws Exception {
    List<Submission> first = batch(0, 60);
    List<Submission> second = batch(60, 30);
    // The whole first request is on the topic before a verifier reads it, so one poll spans it.
    CompletableFuture<List<SubmissionResult>> firstAnswers = gateway.submitAll(first);
    Eventually.await(
        () -> rig.committed(rig.topics().submissions()).size(),
        size -> size == first.size(),
        "the first request on the submissions topic");
    rig.startVerifier("v1", partners.verifier());

    assertThat(await(firstAnswers)).allMatch(SubmissionResult.Accepted.class::isInstance);
    assertThat(await(gateway.submitAll(second)))
        .allMatch(SubmissionResult.Accepted.class::isInstance);

    assertThat(eventIdsBySubject(rig.events())).isEqualTo(sentOrder(0, 90));
  }

  /** {@code count} acme events from number {@code from} on, about the subjects in turn. */
  private List<Submission> batch(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(
            i ->
                envelope(
                    sealApplied("ev-" + i, subjectOf(i), "S-" + i, OCCURRED), partners.acmeKey))
        .map(envelope -> Submission.http(envelope, NOW, null))
        .toList();
  }

  private static String subjectOf(int i) {
    return SUBJECTS.get(i % SUBJECTS.size());
  }

  private static Map<String, List<String>> sentOrder(int from, int count) {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    IntStream.range(from, from + count)
        .forEach(i -> sent.computeIfAbsent(subjectOf(i), s -> new ArrayList<>()).add("ev-" + i));
    return sent;
  }

  /** Each subject's event ids in custody.events' order (one subject, one partition). */
  private static Map<String, List<String>> eventIdsBySubject(List<VerifiedEvent> events) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    SUBJECTS.forEach(subject -> found.put(subject, new ArrayList<>()));
    events.forEach(e -> found.get(e.getEvent().getSubject()).add(e.getEvent().getEventId()));
    return found;
  }

  private static <T> T await(CompletableFuture<T> future) {
    return future.orTimeout(40, TimeUnit.SECONDS).join();
  }
}
