package io.sealtrail.cli.query;

import io.sealtrail.cli.http.BearerToken;
import io.sealtrail.cli.http.ServiceUrl;
import io.sealtrail.cli.local.LocalConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the read API is and which bearer token to send: local mode's URL and the token file of the
 * command's role under local mode's data directory, unless told otherwise.
 */
public final class ReadAccess {
  @Mixin ServiceUrl service;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "Bearer token (visible to other users in the process list: prefer --token-file).")
  String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "File holding the bearer token (default: the command's role token of local mode, e.g."
              + " ~/.sealtrail/local/tokens/recall.token).")
  Path tokenFile;

  /** The token to send: --token, else --token-file, else local mode's {@code role} token. */
  String token(String role) throws IOException {
    if (token != null) {
      return token.strip();
    }
    Path file =
        tokenFile != null
            ? tokenFile
            : LocalConfig.DEFAULT_DATA_DIR.resolve("tokens").resolve(role + ".token");
    return BearerToken.read(file);
  }

  QueryClient client(String role) throws IOException {
    return new QueryClient(service.resolve("/"), token(role));
  }
}
