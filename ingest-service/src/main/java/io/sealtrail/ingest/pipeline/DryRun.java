package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.dedup.DedupKey;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.outcome.OutcomeLog;
import io.sealtrail.ingest.submission.ParsedSubmission;
import io.sealtrail.ingest.submission.RoutingKey;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.submission.SubmissionParser;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.event.EventHeader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/events?dryRun=true} (ADR 11): decides submissions with the verifier's own {@link
 * SubmissionDecider} (the same parse, trust verifier, schema, clock checks, routing-key check and
 * dedup verdicts) and writes nothing, not to Kafka, not to the dedup state. What the partner had
 * accepted within the dedup window comes from its outcome topic, so a resend is answered {@code
 * duplicate} (with the original's position) or {@code REPLAY} as ingest would; an event sent twice
 * in one dry run is a duplicate the second time, as in one batch of the verifier.
 */
public final class DryRun {
  private final SubmissionDecider decider;
  private final SubmissionVerifier verifier;
  private final OutcomeLog outcomes;
  private final Duration dedupWindow;
  private final Clock clock;

  public DryRun(
      IngestConfig config, SubmissionVerifier verifier, OutcomeLog outcomes, Clock clock) {
    this.decider = SubmissionDecider.of(config, verifier, IngestListener.NONE);
    this.verifier = verifier;
    this.outcomes = outcomes;
    this.dedupWindow = config.dedupWindow();
    this.clock = clock;
  }

  /**
   * What ingest would answer for one submission, without a position for an event it would accept.
   *
   * @param status {@code accepted}, {@code duplicate} or {@code rejected}
   * @param partition the original's position for a duplicate, when it is on custody.events
   * @param rejection for {@code rejected}, the reason and what it points at
   */
  public record Result(
      String status,
      String eventId,
      Integer partition,
      Long offset,
      SubmissionResult.Rejected rejection) {
    public Result {
      Objects.requireNonNull(status, "status");
    }
  }

  /** The results of {@code submissions}, in order, deciding each as one verifier batch would. */
  public List<Result> check(List<Submission> submissions) {
    Recorded recorded = new Recorded(lookUp(submissions));
    List<Result> results = new ArrayList<>(submissions.size());
    for (Submission submission : submissions) {
      Decision decision = decider.decide(submission, RoutingKey.of(submission), 0, recorded);
      results.add(result(decision, recorded));
    }
    return results;
  }

  private static Result result(Decision decision, Recorded recorded) {
    if (decision instanceof Decision.Accept accept) {
      var event = accept.authentic().event();
      recorded.add(event.getPartnerId(), event.getEventId(), accept.authentic().payloadSha256());
      return new Result("accepted", event.getEventId(), null, null, null);
    }
    if (decision instanceof Written.Duplicate duplicate) {
      EventPosition original = duplicate.original().get();
      return new Result(
          "duplicate",
          duplicate.eventId(),
          original == null ? null : original.partition(),
          original == null ? null : original.offset(),
          null);
    }
    return new Result(
        "rejected", null, null, null, ((Decision.Reject) decision).rejection().result());
  }

  /**
   * What each claimed partner had accepted of the claimed event ids, within the dedup window. Only
   * envelopes a key of the claimed partner signed are looked up: dedup decides nothing for the
   * others, and anyone may send a dry run, so an unsigned claim must not cost a read of a partner's
   * outcomes.
   */
  private Map<String, Map<String, OutcomeLog.Accepted>> lookUp(List<Submission> submissions) {
    Map<String, Set<String>> asked = new HashMap<>();
    for (Submission submission : submissions) {
      ParsedSubmission parsed = SubmissionParser.STRICT.parse(submission);
      Optional<EventHeader> claimed = verifier.signedByClaimedPartner(parsed.envelope());
      claimed.ifPresent(
          h -> asked.computeIfAbsent(h.partnerId(), p -> new HashSet<>()).add(h.eventId()));
    }
    var since = clock.instant().minus(dedupWindow);
    Map<String, Map<String, OutcomeLog.Accepted>> found = new HashMap<>();
    asked.forEach(
        (partner, ids) -> {
          Map<String, OutcomeLog.Accepted> accepted =
              new HashMap<>(outcomes.accepted(partner, ids, since));
          // The verifier forgets what was received before the window, whatever was written when.
          accepted.values().removeIf(a -> a.receivedAt().isBefore(since));
          found.put(partner, accepted);
        });
    return found;
  }

  /** The dedup state a dry run sees: the outcome topics, and what this run would accept. */
  private static final class Recorded implements DedupView {
    private final Map<String, Map<String, OutcomeLog.Accepted>> accepted;
    private final Map<String, String> thisRun = new HashMap<>();

    Recorded(Map<String, Map<String, OutcomeLog.Accepted>> accepted) {
      this.accepted = accepted;
    }

    void add(String partnerId, String eventId, String payloadSha256) {
      thisRun.putIfAbsent(DedupKey.of(partnerId, eventId), payloadSha256);
    }

    @Override
    public Optional<BatchDedup.Known> find(int partition, String partnerId, String eventId) {
      String pending = thisRun.get(DedupKey.of(partnerId, eventId));
      if (pending != null) {
        return Optional.of(new BatchDedup.Known(pending, () -> null));
      }
      return Optional.ofNullable(accepted.getOrDefault(partnerId, Map.of()).get(eventId))
          .map(
              a ->
                  new BatchDedup.Known(
                      a.payloadSha256(), () -> new EventPosition(a.partition(), a.offset())));
    }
  }
}
