package io.sealtrail.cli.local;

import java.io.PrintWriter;
import java.time.Duration;

/** What local mode prints once everything answers: where each part can be reached. */
record ReadyBanner(LocalPlatform platform, LocalConfig config, Duration startup) {

  void print(PrintWriter out) {
    String http = platform.httpUrl().toString();
    out.printf("%nSealtrail is up (%.1f s).%n", startup.toMillis() / 1000.0);
    row(out, "Console and API", http + "/");
    row(out, "Metrics", platform.metricsUrl() + " (management port, not the API's)");
    row(
        out,
        "User tokens",
        config.tokensDir().toAbsolutePath()
            + " (admin.token of local-admin, secops.token of local-secops, ...)");
    row(out, "Log checkpoint", http + "/v1/log/checkpoint (key: " + http + "/v1/log/key)");
    row(out, "Schema registry", platform.registryUrl().toString());
    row(out, "Kafka bootstrap", platform.bootstrapServers());
    row(out, "Data directory", config.dataDir().toAbsolutePath().toString());
    row(out, "Topics", String.join(", ", platform.topicNames()));
    out.printf("%nTry: curl %s/subjects%n", platform.registryUrl());
    out.printf(
        "     curl -H \"Authorization: Bearer $(cat %s)\" %s/v1/partners/acme%n",
        config.tokensDir().resolve("admin.token").toAbsolutePath(), http);
    out.printf(
        "     curl -H \"Authorization: Bearer $(cat %s)\" %s/v1/serials/DEV-1%n",
        config.tokensDir().resolve("recall.token").toAbsolutePath(), http);
    out.printf(
        "     curl -H \"Authorization: Bearer $(cat %s)\" %s/v1/alerts%n",
        config.tokensDir().resolve("secops.token").toAbsolutePath(), http);
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf("  %-17s %s%n", label, value);
  }
}
