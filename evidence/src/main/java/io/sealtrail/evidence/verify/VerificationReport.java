package io.sealtrail.evidence.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sealtrail.evidence.bundle.EvidenceBundle;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What verifying a bundle found: every failure (none when it verified) and notes that are not
 * failures.
 *
 * @param treeSize the size of the checkpoint every proof led to, or null when it did not verify
 */
public record VerificationReport(
    EvidenceBundle.Subject subject,
    Long treeSize,
    Counts counts,
    List<Failure> failures,
    List<String> notes) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How much was checked: distinct events, partners, quotes, streams, alerts carried. */
  public record Counts(
      int serials, int events, int partners, int quotes, int streams, int alerts) {}

  public boolean verified() {
    return failures.isEmpty();
  }

  /** One line: what the bundle is about and whether it holds. */
  public String headline() {
    String what = subject == null ? "?" : subject.kind() + " " + subject.id();
    return verified()
        ? "Evidence of "
            + what
            + " verified: "
            + counts.events()
            + " events of "
            + counts.serials()
            + (counts.serials() == 1 ? " serial" : " serials")
            + " signed by "
            + counts.partners()
            + " partners, each in the log's checkpoint of size "
            + treeSize
            + "; chain, "
            + counts.quotes()
            + " quotes and "
            + counts.streams()
            + " sequence streams hold"
        : "Evidence of "
            + what
            + " NOT VERIFIED: "
            + failures.size()
            + (failures.size() == 1 ? " failure" : " failures");
  }

  /** The headline, each failure on a line of its own, then the notes. */
  public String text() {
    StringBuilder out = new StringBuilder(headline()).append('\n');
    failures.forEach(f -> out.append("  FAIL ").append(f).append('\n'));
    notes.forEach(n -> out.append("  note ").append(n).append('\n'));
    return out.toString();
  }

  /** {@code {verified, subject, treeSize, counts, failures:[{item, reason}], notes}}. */
  public String json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("verified", verified());
    json.put("subject", subject);
    json.put("treeSize", treeSize);
    json.put("counts", counts);
    json.put("failures", failures);
    json.put("notes", notes);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
