package io.sealtrail.bench.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps of rising constant load, climbed until one is not held: the steps above a failed one would
 * only start from its backlog, so they could not say anything of their own.
 *
 * @param steps every step run, bottom up; all held but perhaps the last
 * @param rates every rate planned, for the report of where it stopped
 */
public record Ladder(List<Step> steps, List<Integer> rates) {

  /** Runs one step at an offered rate. */
  @FunctionalInterface
  public interface StepRun {
    Step at(int rate) throws Exception;
  }

  public Ladder {
    steps = List.copyOf(steps);
    rates = List.copyOf(rates);
  }

  /** Runs {@code rates} in order through {@code run}, stopping after the first step not held. */
  public static Ladder climb(List<Integer> rates, StepRun run) throws Exception {
    List<Step> steps = new ArrayList<>();
    for (int rate : rates) {
      Step step = run.at(rate);
      steps.add(step);
      if (!step.held()) {
        break;
      }
    }
    return new Ladder(steps, rates);
  }

  /** The highest rate held; 0 when not even the first step was. */
  public int capacity() {
    return steps.stream().filter(Step::held).mapToInt(Step::offered).max().orElse(0);
  }

  /** Whether a step failed (the ladder stopped there); otherwise every planned step held. */
  public boolean stopped() {
    return !steps.isEmpty() && !steps.get(steps.size() - 1).held();
  }

  /** One sentence: the capacity and where the climb ended. */
  public String summary() {
    if (steps.isEmpty()) {
      return "no step run";
    }
    if (stopped()) {
      Step failed = steps.get(steps.size() - 1);
      return String.format(
          "capacity %,d events/s; stopped at %,d events/s (%s)%s",
          capacity(),
          failed.offered(),
          failed.verdict(),
          steps.size() < rates.size() ? ", higher steps not run" : "");
    }
    return String.format(
        "every step held, up to %,d events/s: the capacity is at least that", capacity());
  }

  /** The per-step table in Markdown, with its heading line. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| offered events/s | accepted events/s | p50 | p99 | lag at end | missing | verdict |\n");
    out.append("|---:|---:|---:|---:|---:|---:|---|\n");
    steps.forEach(step -> out.append(step.row()).append('\n'));
    return out.toString();
  }
}
