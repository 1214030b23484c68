package io.sealtrail.cli.partners;

import io.sealtrail.cli.http.BearerToken;
import io.sealtrail.cli.http.ServiceUrl;
import io.sealtrail.cli.local.LocalConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the admin API is and which token to send: local mode's by default. */
public final class AdminOptions {
  @Mixin ServiceUrl service;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "File holding the admin bearer token (default: ${DEFAULT-VALUE}).")
  Path tokenFile = LocalConfig.DEFAULT_DATA_DIR.resolve("tokens").resolve("admin.token");

  public String token() throws IOException {
    return BearerToken.read(tokenFile);
  }
}
