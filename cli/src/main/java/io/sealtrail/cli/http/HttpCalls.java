package io.sealtrail.cli.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends the CLI's HTTP requests, with a bounded connect and an interrupt kept as an interrupt. */
public final class HttpCalls {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HttpCalls() {}

  /** The CLI's one HTTP client, for callers that build on it (the partner client's API). */
  public static HttpClient client() {
    return CLIENT;
  }

  /** The answer to {@code request} as text; an interrupted wait is an IOException naming it. */
  public static HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + request.uri(), e);
    }
  }
}
