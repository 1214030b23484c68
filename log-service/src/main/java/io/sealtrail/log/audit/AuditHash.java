package io.sealtrail.log.audit;

import io.sealtrail.avro.audit.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that chains {@code custody.audit}: lowercase hex SHA-256 of a record's canonical
 * encoding, v1 (log-service README, "Audit chain", so that an auditor can recompute it without this
 * code). Every field but {@code hash} is covered, in the record's order, {@code prevHash} included:
 *
 * <pre>
 * str("sealtrail.audit.v1") ‖ u64(index) ‖ str(actor) ‖ i64(at, epoch ms) ‖ str(action)
 *   ‖ str(target) ‖ str(requestId) ‖ opt(beforeSha256) ‖ opt(afterSha256) ‖ str(prevHash)
 * </pre>
 *
 * where integers are 8 bytes big-endian, {@code str(s)} is the 4-byte big-endian length of s's
 * UTF-8 bytes followed by them, and {@code opt(s)} is one byte 0 when absent, else 1 followed by
 * {@code str(s)}. Digests and {@code prevHash} are hashed as the hex text the record holds, so any
 * record, even a tampered one, has an encoding and a wrong value shows as a hash mismatch.
 */
public final class AuditHash {
  /** The encoding's label: a later version changes it. */
  public static final String LABEL = "sealtrail.audit.v1";

  /** {@code prevHash} of record 0: 32 zero bytes, in hex. */
  public static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  /** The hash {@code record} must carry, from every field but its own {@code hash}. */
  public static String of(AuditRecord record) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical(record)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The canonical encoding v1 of {@code record} (its {@code hash} left out). */
  public static byte[] canonical(AuditRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      text(out, LABEL);
      out.writeLong(record.getIndex());
      text(out, record.getActor());
      out.writeLong(record.getAt().toEpochMilli());
      text(out, record.getAction());
      text(out, record.getTarget());
      text(out, record.getRequestId());
      optional(out, record.getBeforeSha256());
      optional(out, record.getAfterSha256());
      text(out, record.getPrevHash());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void text(DataOutputStream out, CharSequence value) throws IOException {
    byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static void optional(DataOutputStream out, CharSequence value) throws IOException {
    if (value == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1);
      text(out, value);
    }
  }
}
