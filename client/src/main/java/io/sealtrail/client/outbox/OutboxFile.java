package io.sealtrail.client.outbox;

import io.sealtrail.client.SignedEnvelope;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The content of one outbox file: a header line with the format, the SHA-256 of the envelope line
 * and when it was stored (epoch milliseconds; absent in files of older clients), then the envelope
 * JSON. The checksum tells a damaged file from a valid envelope, also where the damage still parses
 * as JSON; the time is in the file, not its metadata, so copying an outbox keeps entries' ages.
 */
final class OutboxFile {
  private static final String MAGIC = "sealtrail-outbox-v1 ";

  private OutboxFile() {}

  /** A decoded file: its envelope, and when it was stored, or null if the file does not say. */
  record Stored(SignedEnvelope envelope, Instant storedAt) {}

  static byte[] encode(SignedEnvelope envelope, Instant storedAt) {
    String header = MAGIC + sha256(envelope.json()) + " " + storedAt.toEpochMilli();
    String text = header + "\n" + envelope.json() + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The envelope in {@code bytes}; throws {@link Corrupt} saying what is wrong. */
  static Stored decode(byte[] bytes) throws Corrupt {
    String text = utf8(bytes);
    int firstEnd = text.indexOf('\n');
    // A file cut after the header line has no envelope line at all (firstEnd is its last char).
    if (!text.startsWith(MAGIC)
        || firstEnd < 0
        || firstEnd == text.length() - 1
        || !text.endsWith("\n")) {
      throw new Corrupt("not an outbox file (no header line, or truncated)");
    }
    String[] header = text.substring(MAGIC.length(), firstEnd).split(" ", -1);
    String json = text.substring(firstEnd + 1, text.length() - 1);
    if (header.length > 2 || !header[0].equals(sha256(json))) {
      throw new Corrupt("checksum mismatch: the envelope was altered or damaged");
    }
    try {
      Instant storedAt =
          header.length == 2 ? Instant.ofEpochMilli(Long.parseLong(header[1])) : null;
      return new Stored(SignedEnvelope.read(json), storedAt);
    } catch (IllegalArgumentException e) {
      throw new Corrupt(e.getMessage());
    }
  }

  private static String utf8(byte[] bytes) throws Corrupt {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Corrupt("not UTF-8");
    }
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** A file that holds no valid envelope. */
  static final class Corrupt extends Exception {
    Corrupt(String message) {
      super(message);
    }
  }
}
