package io.sealtrail.cli.evidence;

import io.sealtrail.evidence.bundle.BundleJson;
import io.sealtrail.evidence.verify.BundleVerifier;
import io.sealtrail.evidence.verify.VerificationReport;
import io.sealtrail.translog.note.NoteException;
import io.sealtrail.translog.note.NoteVerifierKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sealtrail evidence verify FILE --log-key KEY [--json]}: verifies a bundle offline, with no
 * network, and names every item that fails.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify an evidence bundle offline, with nothing but the log's public key: the checkpoint's"
          + " signature, every event's signatures and its signing key's validity at receipt, every"
          + " inclusion proof to the one checkpoint, each serial's hash chain, the attestation"
          + " quotes against their device keys, and sequence numbers per (partner, stream).",
      "Each failure is printed on a line of its own: the item and why."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:everything in the bundle holds",
      "1:something does not hold (each failure named)",
      "2:the file or the key cannot be read"
    })
public final class EvidenceVerifyCommand implements Callable<Integer> {
  static final int NOT_VERIFIED = 1;

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (JSON), - for stdin.")
  String file;

  @Option(
      names = "--log-key",
      required = true,
      paramLabel = "KEY",
      description =
          "The log's verifier key, <origin>+<keyid>+<base64> (GET /v1/log/key), obtained"
              + " independently of the bundle and pinned.")
  String logKey;

  @Option(names = "--json", description = "Print the report as JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    NoteVerifierKey key;
    try {
      key = NoteVerifierKey.parse(logKey);
    } catch (NoteException e) {
      throw new IllegalArgumentException("--log-key: " + e.getMessage(), e);
    }
    byte[] bytes;
    try {
      bytes = "-".equals(file) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file, e);
    }
    VerificationReport report = new BundleVerifier(key).verify(BundleJson.read(bytes));
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? report.json() + "\n" : report.text());
    out.flush();
    return report.verified() ? 0 : NOT_VERIFIED;
  }
}
