package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.SignatureBenchmark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Item 1, the physical limit of ingest: Ed25519 and P-256 verifications per second with one and two
 * threads (JMH, {@link SignatureBenchmark}), and the whole submission check against the bare
 * signature.
 */
public final class SignatureCeiling implements Scenario {
  /** The figure ingest is compared with: whole submission checks per second, one thread. */
  public static final String SUBMISSION_CHECKS = "submission checks/s, Ed25519, 1 thread";

  @Override
  public String name() {
    return "signatures";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    Scores one = measure(1);
    Scores two = measure(2);
    context.remember(SUBMISSION_CHECKS, one.submissionEd25519);
    List<Row> rows = new ArrayList<>();
    rows.add(
        row("Ed25519 verify, 2 threads", two.ed25519, "Ed25519 verify, 1 thread", one.ed25519));
    rows.add(row("P-256 verify, 2 threads", two.p256, "P-256 verify, 1 thread", one.p256));
    rows.add(row("P-256 verify, 1 thread", one.p256, "Ed25519 verify, 1 thread", one.ed25519));
    rows.add(
        row(
            "whole submission check (JSON, policy, Ed25519), 1 thread",
            one.submissionEd25519,
            "Ed25519 verify, 1 thread",
            one.ed25519));
    return rows;
  }

  private static Row row(String figure, double value, String baseline, double baselineValue) {
    return new Row(1, figure, Row.of(value, "ops/s"), baseline, Row.of(baselineValue, "ops/s"));
  }

  private record Scores(double ed25519, double p256, double submissionEd25519) {}

  private static Scores measure(int threads) throws Exception {
    Progress.say("signatures: JMH, %d thread(s)", threads);
    var options =
        new OptionsBuilder()
            .include(SignatureBenchmark.class.getName() + "\\.verify(Submission)?$")
            .param("algorithm", "ED25519", "ECDSA_P256")
            .threads(threads)
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(1))
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    return new Scores(
        score(results, "verify", "ED25519"),
        score(results, "verify", "ECDSA_P256"),
        score(results, "verifySubmission", "ED25519"));
  }

  private static double score(Collection<RunResult> results, String method, String algorithm) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .filter(r -> algorithm.equals(r.getParams().getParam("algorithm")))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no JMH result for " + method + " " + algorithm))
        .getPrimaryResult()
        .getScore();
  }
}
