package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.common.Evidence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The window store's value: count, then each piece of evidence field by field. A store-internal
 * format (no registry round trip per window update); partner-supplied ids may hold any character.
 */
public final class TallySerde {
  private TallySerde() {}

  public static Serde<Tally> serde() {
    return Serdes.serdeFrom(serializer(), deserializer());
  }

  private static Serializer<Tally> serializer() {
    return (topic, tally) -> tally == null ? null : write(tally);
  }

  private static Deserializer<Tally> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  private static byte[] write(Tally tally) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(tally.count());
      out.writeInt(tally.evidence().size());
      for (Evidence e : tally.evidence()) {
        out.writeUTF(e.getEventId());
        out.writeUTF(e.getPartnerId());
        out.writeUTF(e.getPayloadSha256());
        optional(out, e.getSerial());
        optional(out, e.getOccurredAt() == null ? null : e.getOccurredAt().toString());
        optional(out, e.getNote());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Tally read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      long count = in.readLong();
      int n = in.readInt();
      List<Evidence> evidence = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String eventId = in.readUTF();
        String partnerId = in.readUTF();
        String sha = in.readUTF();
        String serial = optional(in);
        String at = optional(in);
        String note = optional(in);
        evidence.add(
            new Evidence(
                eventId, partnerId, sha, serial, at == null ? null : Instant.parse(at), note));
      }
      return new Tally(count, evidence);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void optional(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
