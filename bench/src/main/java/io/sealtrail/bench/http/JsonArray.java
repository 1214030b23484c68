package io.sealtrail.bench.http;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** A batch body for {@code POST /v1/events}: envelopes, byte for byte, in a JSON array. */
public final class JsonArray {
  private JsonArray() {}

  public static byte[] of(List<byte[]> envelopes) {
    var out = new ByteArrayOutputStream();
    out.write('[');
    for (int i = 0; i < envelopes.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(envelopes.get(i));
    }
    out.write(']');
    return out.toByteArray();
  }
}
