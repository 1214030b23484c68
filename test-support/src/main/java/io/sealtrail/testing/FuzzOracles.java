package io.sealtrail.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the fuzz tests of the request readers check of a refusal, written without regular
 * expressions: a pattern such as {@code (/([^/~]|~[01])*)*} recurses once per character in Java's
 * regex engine, so a long pointer overflowed the fuzzer's stack and was reported as a finding of
 * the code under test.
 */
public final class FuzzOracles {
  /** Library names a refusal must not show a client, unless the client wrote them itself. */
  private static final List<String> LIBRARY_NAMES =
      List.of("jackson", "com.fasterxml", "StreamReadConstraints", "Exception", "micronaut");

  private FuzzOracles() {}

  /**
   * Fails unless {@code pointer} is an RFC 6901 JSON pointer: "" or "/"-led, "~" only as ~0, ~1.
   */
  public static void assertJsonPointer(String pointer) {
    if (pointer == null || !(pointer.isEmpty() || pointer.charAt(0) == '/')) {
      throw new AssertionError("not a JSON pointer: " + pointer);
    }
    for (int i = 0; i < pointer.length(); i++) {
      if (pointer.charAt(i) == '~'
          && (i + 1 == pointer.length() || "01".indexOf(pointer.charAt(i + 1)) < 0)) {
        throw new AssertionError("a '~' not escaped as ~0 or ~1 at " + i + " in " + pointer);
      }
    }
  }

  /**
   * Fails when {@code message} is blank or names a library (a class, a package) that the client's
   * {@code input} did not contain: an unknown key the client wrote may be echoed as it is.
   */
  public static void assertOwnWords(String message, byte[] input) {
    if (message == null || message.isBlank()) {
      throw new AssertionError("a refusal without a message");
    }
    String asUtf8 = new String(input, StandardCharsets.UTF_8);
    String asLatin1 = new String(input, StandardCharsets.ISO_8859_1);
    for (String name : LIBRARY_NAMES) {
      if (message.contains(name) && !asUtf8.contains(name) && !asLatin1.contains(name)) {
        throw new AssertionError("the refusal names '" + name + "': " + message);
      }
    }
  }
}
