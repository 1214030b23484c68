package io.sealtrail.anomaly.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/** Posts one signed JSON body to the webhook once; whether the receiver took it (any 2xx). */
final class WebhookClient {
  private final HttpClient http;
  private final WebhookConfig config;
  private final WebhookSigner signer;
  private final Clock clock;

  WebhookClient(WebhookConfig config, Clock clock) {
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    this.config = config;
    this.signer = new WebhookSigner(config.secret());
    this.clock = clock;
  }

  /** One attempt; false (never an exception) when the receiver did not answer 2xx. */
  boolean post(String alertId, byte[] body) throws InterruptedException {
    long now = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(config.url())
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header("X-Sealtrail-Alert-Id", alertId)
            .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(now))
            .header(WebhookSigner.SIGNATURE_HEADER, signer.sign(now, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2;
    } catch (IOException e) {
      return false;
    }
  }
}
