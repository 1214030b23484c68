package io.sealtrail.cli.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a bearer token from its file, with an error that says how to get one. */
public final class BearerToken {
  private BearerToken() {}

  public static String read(Path tokenFile) throws IOException {
    if (!Files.isRegularFile(tokenFile)) {
      throw new IllegalArgumentException(
          "no token file " + tokenFile + " (start `sealtrail local` or pass --token-file)");
    }
    return Files.readString(tokenFile).strip();
  }
}
