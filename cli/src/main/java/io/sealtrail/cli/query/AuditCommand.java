package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sealtrail audit}: who did what, when, from {@code GET /v1/audit} (auditor token); with
 * {@code --verify}, the whole chain read straight from Kafka and every hash and link recomputed
 * here, so that the verdict is the auditor's own, not the service's.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "List the audit log (who did what, when, to what), oldest first, filtered; or, with --verify,"
          + " read the whole chain from Kafka and recompute every record's hash and link.",
      "Token (listing): local mode's auditor token unless --token or --token-file.",
      "--verify reads custody.audit directly (--bootstrap-server, --registry, --topic) and trusts"
          + " nothing the service says: it prints \"N records, chain intact, head <hash>\" or names"
          + " the first record where the chain breaks (a removed record: a gap in the index; an"
          + " edited one: a hash that does not match its content)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:listed, or (--verify) the chain is intact",
      "1:refused token or bad arguments",
      "2:service or Kafka unreachable or not ready (retry)",
      "3:(--verify) the chain is broken"
    })
public final class AuditCommand extends QueryCommand {
  static final int BROKEN = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Actions at or after this RFC 3339 time.")
  String since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description = "Actions before this RFC 3339 time.")
  String until;

  @Option(names = "--actor", paramLabel = "NAME", description = "Actions by this caller.")
  String actor;

  @Option(
      names = "--target",
      paramLabel = "KIND:ID",
      description = "Actions on this target, e.g. partner:acme, alert:<id>, hold:<id>.")
  String target;

  @Option(
      names = "--action",
      paramLabel = "ACTION",
      description = "Actions of this kind, e.g. partner.registered, hold.placed.")
  String action;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most this many records (default: all that match).")
  Integer limit;

  // --json (JSON instead of one line per record) is QueryCommand's: a second one here made
  // picocli refuse the whole command tree.

  @Option(
      names = "--verify",
      description = "Verify the whole chain from Kafka instead of listing (filters do not apply).")
  boolean verify;

  @Option(
      names = "--bootstrap-server",
      paramLabel = "HOST:PORT",
      description = "(--verify) Kafka (default: ${DEFAULT-VALUE}).")
  String bootstrap = "localhost:9092";

  @Option(
      names = "--registry",
      paramLabel = "URL",
      description =
          "(--verify) Schema registry the records were written with (default: ${DEFAULT-VALUE}).")
  String registry = "http://localhost:8081";

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "(--verify) The audit chain's topic (default: ${DEFAULT-VALUE}).")
  String topic = "custody.audit";

  @Override
  void run() throws IOException {
    if (verify) {
      verifyChain();
    } else {
      list();
    }
  }

  private void verifyChain() {
    if (since != null || until != null || actor != null || target != null || action != null) {
      throw new IllegalArgumentException(
          "--verify checks the whole chain: it takes no --since, --until, --actor, --target or"
              + " --action");
    }
    AuditChainCheck check = new AuditChainCheck();
    AuditTopicReader.read(bootstrap, registry, topic, check::add);
    if (json) {
      ObjectNode verdict = JSON.createObjectNode();
      verdict.put("intact", check.problem().isEmpty());
      verdict.put("verified", check.verified());
      verdict.put("head", check.head());
      check.problem().ifPresent(p -> verdict.put("problem", p));
      out().println(verdict);
    }
    if (check.problem().isPresent()) {
      throw new QueryFailure(
          "chain BROKEN after " + check.verified() + " intact records: " + check.problem().get(),
          BROKEN);
    }
    if (!json) {
      out().printf("%d records, chain intact, head %s%n", check.verified(), check.head());
    }
  }

  private void list() throws IOException {
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    }
    QueryClient client = access.client("auditor");
    ArrayNode records = JSON.createArrayNode();
    Long after = null;
    do {
      JsonNode page = client.json("/v1/audit" + query(after));
      for (JsonNode record : page.path("records")) {
        if (limit != null && records.size() == limit) {
          break;
        }
        records.add(record);
        if (!json) {
          out().println(line(record));
        }
      }
      after = page.path("next").isIntegralNumber() ? page.path("next").asLong() : null;
    } while (after != null && (limit == null || records.size() < limit));
    if (json) {
      out().println(JSON.createObjectNode().set("records", records));
    } else {
      out().printf("%d records%n", records.size());
    }
  }

  private static String line(JsonNode r) {
    return String.format(
        "#%-5d %-24s %-16s %-22s %-28s request %s  hash %s",
        r.path("index").asLong(),
        r.path("at").asText(),
        r.path("actor").asText(),
        r.path("action").asText(),
        r.path("target").asText(),
        r.path("requestId").asText(),
        r.path("hash").asText());
  }

  private String query(Long after) {
    StringBuilder q = new StringBuilder();
    param(q, "since", since);
    param(q, "until", until);
    param(q, "actor", actor);
    param(q, "target", target);
    param(q, "action", action);
    param(q, "limit", limit == null ? null : Integer.toString(Math.min(limit, 1000)));
    param(q, "after", after == null ? null : after.toString());
    return q.toString();
  }

  private static void param(StringBuilder q, String name, String value) {
    if (value != null) {
      q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(Paths.encoded(value));
    }
  }
}
