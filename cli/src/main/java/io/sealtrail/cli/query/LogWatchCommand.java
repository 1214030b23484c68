package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.translog.json.MalformedProofJsonException;
import io.sealtrail.translog.json.ProofJson;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteException;
import io.sealtrail.translog.note.NoteVerifierKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sealtrail log watch --key KEY [--state FILE]}: follows the log's checkpoints, verifies
 * each signature and its consistency with the last one seen (kept in the state file across runs),
 * and exits {@value #MISBEHAVED} on a rollback, a fork or a checkpoint the key did not sign.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Follow the log's signed checkpoints: verify each with the log's key and its consistency with"
          + " the last one seen; stop at the first rollback or fork.",
      "Token (for consistency proofs): local mode's auditor token unless --token or --token-file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:--once and the checkpoint holds",
      "1:refused token or bad arguments",
      "2:log unreachable or not ready (with --once; otherwise the watch goes on)",
      "3:the log misbehaved: rollback, fork, or a checkpoint not signed by the key"
    })
public final class LogWatchCommand extends QueryCommand {
  static final int MISBEHAVED = 3;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description = "The log's verifier key, <origin>+<keyid>+<base64> (GET /v1/log/key).")
  String key;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "Where the last checkpoint seen is kept, so a later run checks against it.")
  Path state;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      description = "How often to look (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration interval = Duration.ofSeconds(5);

  @Option(names = "--once", description = "Check the current checkpoint once and exit.")
  boolean once;

  @Override
  void run() throws IOException {
    LogWatch watch;
    try {
      watch = new LogWatch(NoteVerifierKey.parse(key));
    } catch (NoteException e) {
      throw new IllegalArgumentException("--key: " + e.getMessage(), e);
    }
    QueryClient client = access.client("auditor");
    try {
      Checkpoint last = state != null && Files.exists(state) ? watch.verify(read(state)) : null;
      while (true) {
        last = look(watch, client, last);
        if (once) {
          return;
        }
        pause();
      }
    } catch (LogWatch.Misbehaved e) {
      throw new QueryFailure(e.getMessage(), MISBEHAVED);
    }
  }

  /** One look: the checkpoint judged against the last one, kept when it holds. */
  private Checkpoint look(LogWatch watch, QueryClient client, Checkpoint last) throws IOException {
    String note;
    try {
      note = client.text("/v1/log/checkpoint", "text/plain");
    } catch (QueryFailure e) {
      if (once || e.exitCode() != QueryFailure.UNAVAILABLE) {
        throw e;
      }
      spec.commandLine().getErr().println("log watch: warning: " + e.getMessage());
      return last;
    }
    Checkpoint next = watch.verify(note);
    String seen =
        watch.judge(
            last,
            next,
            (from, to) -> {
              String json =
                  client.text(
                      "/v1/log/proof/consistency?from=" + from + "&to=" + to, "application/json");
              try {
                return ProofJson.readConsistency(json);
              } catch (MalformedProofJsonException e) {
                throw new LogWatch.Misbehaved("unreadable consistency proof: " + e.getMessage());
              }
            });
    if (json) {
      ObjectNode line = JsonNodeFactory.instance.objectNode();
      line.put("size", next.size());
      line.put("verdict", seen);
      line.put("checkpoint", note);
      printJson(line);
    } else {
      out().println(seen);
    }
    out().flush();
    if (state != null && (last == null || next.size() != last.size())) {
      write(state, note);
    }
    return next;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }

  /** Replaces the state file whole, so a crash leaves the old checkpoint or the new one. */
  private static void write(Path file, String note) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".log-watch", ".tmp");
    Files.writeString(temp, note);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void pause() throws InterruptedIOException {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("log watch interrupted");
    }
  }
}
