package io.sealtrail.cli.http;

import java.net.URI;
import picocli.CommandLine.Option;

/** The {@code --url} of the commands that call the HTTP API: local mode's by default. */
public final class ServiceUrl {
  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The ingest service (default: ${DEFAULT-VALUE}).")
  URI url = URI.create("http://localhost:8080");

  /** {@code path} on the service, e.g. {@code /v1/events}. */
  public URI resolve(String path) {
    return url.resolve(path);
  }
}
