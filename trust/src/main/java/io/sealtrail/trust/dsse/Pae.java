package io.sealtrail.trust.dsse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * DSSE v1 pre-authentication encoding: {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body},
 * LEN being the decimal byte length. Signing this instead of the payload binds the payload type.
 */
public final class Pae {
  private static final byte[] PREFIX = "DSSEv1 ".getBytes(StandardCharsets.US_ASCII);

  private Pae() {}

  public static byte[] encode(String payloadType, byte[] body) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(PREFIX.length + type.length + body.length + 24);
    out.writeBytes(PREFIX);
    writeLengthAndBytes(out, type);
    out.write(' ');
    writeLengthAndBytes(out, body);
    return out.toByteArray();
  }

  private static void writeLengthAndBytes(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    out.write(' ');
    out.writeBytes(bytes);
  }
}
