package io.sealtrail.registry.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Client settings read from Confluent's configuration keys, each also accepted with the {@code
 * schema.registry.} prefix. {@code authorization} is the ready {@code Authorization} header value.
 */
public record RegistryClientConfig(
    List<URI> urls,
    Optional<String> authorization,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Duration retryWait,
    Duration retryMaxWait,
    int cacheCapacity,
    Duration latestTtl) {

  public static final String URL = "schema.registry.url";
  public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String USER_INFO = "basic.auth.user.info";
  public static final String BEARER_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_TOKEN = "bearer.auth.token";

  public RegistryClientConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException(URL + " must name at least one URL");
    }
  }

  public static RegistryClientConfig from(Map<String, ?> configs) {
    Settings settings = new Settings(configs);
    String urlList =
        settings
            .string(URL)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("Missing required configuration \"" + URL + "\""));
    List<URI> urls =
        Arrays.stream(urlList.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(URI::create)
            .toList();
    return new RegistryClientConfig(
        urls.stream().map(RegistryClientConfig::withoutUserInfo).toList(),
        authorization(settings, urls),
        Duration.ofMillis(settings.number("http.connect.timeout.ms", 60_000)),
        Duration.ofMillis(settings.number("http.read.timeout.ms", 60_000)),
        (int) settings.number("max.retries", 3),
        Duration.ofMillis(settings.number("retries.wait.ms", 1000)),
        Duration.ofMillis(settings.number("retries.max.wait.ms", 20_000)),
        (int) settings.number("max.schemas.per.subject", 1000),
        Duration.ofSeconds(settings.number("latest.cache.ttl.sec", 60)));
  }

  private static Optional<String> authorization(Settings settings, List<URI> urls) {
    Optional<String> token = settings.string(BEARER_TOKEN);
    if (token.isPresent()) {
      String source = settings.string(BEARER_SOURCE).orElse("STATIC_TOKEN");
      if (!source.equals("STATIC_TOKEN")) {
        throw new IllegalArgumentException(BEARER_SOURCE + " must be STATIC_TOKEN, not " + source);
      }
      return Optional.of("Bearer " + token.get());
    }
    return basicAuth(settings, urls);
  }

  private static Optional<String> basicAuth(Settings settings, List<URI> urls) {
    String source = settings.string(CREDENTIALS_SOURCE).orElse("URL");
    Optional<String> userInfo;
    switch (source) {
      case "USER_INFO":
        userInfo = settings.string(USER_INFO);
        if (userInfo.isEmpty()) {
          throw new IllegalArgumentException(
              USER_INFO + " is required when " + CREDENTIALS_SOURCE + "=USER_INFO");
        }
        break;
      case "URL":
        userInfo =
            urls.stream()
                .map(URI::getRawUserInfo)
                .filter(Objects::nonNull)
                .findFirst()
                .map(u -> URLDecoder.decode(u, StandardCharsets.UTF_8));
        break;
      default:
        throw new IllegalArgumentException(
            CREDENTIALS_SOURCE + " must be URL or USER_INFO, not " + source);
    }
    return userInfo.map(
        u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
  }

  private static URI withoutUserInfo(URI url) {
    if (url.getRawUserInfo() == null) {
      return url;
    }
    return URI.create(url.toString().replace(url.getRawUserInfo() + "@", ""));
  }
}
