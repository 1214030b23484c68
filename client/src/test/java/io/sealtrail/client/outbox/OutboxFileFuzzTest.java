package io.sealtrail.client.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing of the outbox files a client reads back after a crash: a file left
 * damaged, truncated or edited by hand is quarantined with a reason, never the cause of an
 * exception that stops the client from opening its outbox. Regression corpus:
 * OutboxFileFuzzTestInputs/.
 */
class OutboxFileFuzzTest {

  @FuzzTest
  void shouldDecodeOrCallCorruptWhenGivenAnyFile(byte[] file) {
    decodedOrCorrupt(file);
  }

  /** Past the checksum: the header's time and the envelope line are what the fuzzer writes. */
  @FuzzTest
  void shouldDecodeOrCallCorruptWhenTheChecksumMatchesAnyContent(FuzzedDataProvider data) {
    String storedAt = data.consumeAsciiString(24);
    String json = data.consumeRemainingAsString();
    String header =
        "sealtrail-outbox-v1 " + sha256(json) + (storedAt.isEmpty() ? "" : " " + storedAt);

    OutboxFile.Stored stored =
        decodedOrCorrupt((header + "\n" + json + "\n").getBytes(StandardCharsets.UTF_8));

    if (stored != null) {
      // The file holds UTF-8: text that has no UTF-8 form (a lone surrogate) is stored as '?'.
      String written = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      assertThat(stored.envelope().json()).isEqualTo(written);
    }
  }

  @FuzzTest
  void shouldLoadOrQuarantineWhenOpeningAnOutboxHoldingAnyFile(byte[] file) throws IOException {
    Path dir = Files.createTempDirectory("outbox-fuzz");
    try {
      Files.write(dir.resolve("00000000000000000007.envelope"), file);

      try (Outbox outbox = Outbox.open(dir)) {
        assertThat(outbox.pending().size() + outbox.quarantinedAtOpen().size()).isEqualTo(1);
        assertThat(outbox.quarantinedAtOpen()).allSatisfy(q -> assertThat(q.why()).isNotBlank());
      }
    } finally {
      delete(dir);
    }
  }

  private static OutboxFile.Stored decodedOrCorrupt(byte[] file) {
    try {
      return OutboxFile.decode(file);
    } catch (OutboxFile.Corrupt e) {
      assertThat(e.getMessage()).isNotBlank();
      return null;
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(OutboxFileFuzzTest::deleteOne);
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
