package io.sealtrail.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaRegistryCore;
import io.sealtrail.registry.testing.RestCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reads of the in-memory state answer while writes wait on a stuck topic (spec §5.3). */
@Timeout(60)
class StuckWriteTest {
  private final CountDownLatch appending = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @Test
  void shouldAnswerReadWhileManyWritesWaitOnStuckLog() throws Exception {
    SchemaRegistryCore core =
        SchemaRegistryCore.open(
            CompatibilityLevel.NONE, apply -> records -> stuck(() -> records.forEach(apply)));
    try (SchemaRegistryServer server = SchemaRegistryServer.serve(core, "localhost", 0)) {
      try {
        readWhileWritesWait(server.url());
      } finally {
        release.countDown();
      }
    }
  }

  private void readWhileWritesWait(URI url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 24; i++) {
      http.sendAsync(register(url, "s" + i), HttpResponse.BodyHandlers.ofString());
    }
    assertThat(appending.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(500); // lets the other writes reach the lock

    long started = System.nanoTime();
    RestCalls.Answer subjects = new RestCalls(url).get("/subjects");

    assertThat(subjects.status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  private void stuck(Runnable append) {
    appending.countDown();
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    append.run();
  }

  private static HttpRequest register(URI base, String subject) {
    return HttpRequest.newBuilder(base.resolve("/subjects/" + subject + "/versions"))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(RestCalls.schemaBody("\"string\"")))
        .build();
  }
}
