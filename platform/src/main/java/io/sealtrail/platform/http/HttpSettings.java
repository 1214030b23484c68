package io.sealtrail.platform.http;

import io.sealtrail.platform.auth.AuthSettings;
import io.sealtrail.platform.env.EnvSetting;
import io.sealtrail.platform.env.FlatValues;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where a service's HTTP server listens, the name other instances reach it by, where its metrics
 * answer and where its role tokens are, read from the {@code sealtrail.http.*} keys every service
 * shares.
 *
 * @param host the interface the server binds ({@value #HOST_KEY}, default {@code 0.0.0.0})
 * @param port the API port ({@value #PORT_KEY}, the service's default); 0 picks a free one
 * @param advertisedHost the name other instances reach this one by ({@value #ADVERTISED_HOST_KEY},
 *     default {@code localhost}); with the port, a Kafka Streams {@code application.server}
 * @param managementPort where {@code /prometheus} answers ({@value
 *     HttpBinding#MANAGEMENT_PORT_KEY}, default 9464; 0 picks a free one, {@link
 *     HttpBinding#NO_MANAGEMENT} serves no metrics)
 * @param tokenDir the directory of {@code <role>.token} files honoured as bootstrap identities
 *     ({@value #TOKENS_DIR_KEY}, default {@code /etc/sealtrail/tokens})
 * @param auth the named users' topic and the identity provider's JWTs, if trusted
 */
public record HttpSettings(
    String host,
    int port,
    String advertisedHost,
    int managementPort,
    Path tokenDir,
    AuthSettings auth) {
  public static final String HOST_KEY = "sealtrail.http.host";
  public static final String PORT_KEY = "sealtrail.http.port";
  public static final String ADVERTISED_HOST_KEY = "sealtrail.http.advertised-host";
  public static final String TOKENS_DIR_KEY = "sealtrail.tokens.dir";

  /**
   * The environment variables of the keys {@link #from} reads but the advertised host, which only a
   * service that other instances forward to declares.
   */
  public static final List<EnvSetting> ENVIRONMENT =
      Stream.concat(
              Stream.of(
                  EnvSetting.optional(HOST_KEY),
                  EnvSetting.optional(PORT_KEY),
                  EnvSetting.optional(HttpBinding.MANAGEMENT_PORT_KEY),
                  EnvSetting.optional(TOKENS_DIR_KEY)),
              AuthSettings.ENVIRONMENT.stream())
          .toList();

  /** The variable of the advertised host, declared by a service that other instances forward to. */
  public static final EnvSetting ADVERTISED_HOST = EnvSetting.optional(ADVERTISED_HOST_KEY);

  /**
   * {@code flat} with the advertised host defaulting to {@code HOSTNAME} in {@code env}: the name
   * other instances reach a pod or container by.
   */
  public static Map<String, String> advertisingHostname(
      Map<String, String> env, Map<String, String> flat) {
    Map<String, String> withHost = new HashMap<>(flat);
    String hostname = env.get("HOSTNAME");
    if (hostname != null && !hostname.isBlank()) {
      withHost.putIfAbsent(ADVERTISED_HOST_KEY, hostname.strip());
    }
    return withHost;
  }

  public HttpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(advertisedHost, "advertisedHost");
    Objects.requireNonNull(tokenDir, "tokenDir");
    Objects.requireNonNull(auth, "auth");
    requirePort(PORT_KEY, port);
    if (managementPort != HttpBinding.NO_MANAGEMENT) {
      requirePort(HttpBinding.MANAGEMENT_PORT_KEY, managementPort);
    }
  }

  /** The settings with the default users topic and no JWTs. */
  public HttpSettings(
      String host, int port, String advertisedHost, int managementPort, Path tokenDir) {
    this(host, port, advertisedHost, managementPort, tokenDir, AuthSettings.defaults());
  }

  private static void requirePort(String key, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(key + " must be a TCP port 0..65535, got " + port);
    }
  }

  /**
   * The settings in {@code flat}, the port defaulting to {@code defaultPort}.
   *
   * @throws IllegalArgumentException naming the key of a malformed value
   */
  public static HttpSettings from(Map<String, String> flat, int defaultPort) {
    return new HttpSettings(
        FlatValues.text(flat, HOST_KEY, "0.0.0.0"),
        FlatValues.integer(flat, PORT_KEY, defaultPort),
        FlatValues.text(flat, ADVERTISED_HOST_KEY, "localhost"),
        FlatValues.integer(
            flat, HttpBinding.MANAGEMENT_PORT_KEY, HttpBinding.DEFAULT_MANAGEMENT_PORT),
        Path.of(FlatValues.text(flat, TOKENS_DIR_KEY, "/etc/sealtrail/tokens")),
        AuthSettings.from(flat));
  }

  /** Where the server listens, with {@code properties} (e.g. Micronaut settings) added. */
  public HttpBinding binding(Map<String, Object> properties) {
    return new HttpBinding(host, port, properties, managementPort);
  }

  /** The same with the API port {@code port}, e.g. a free one chosen before the server starts. */
  public HttpSettings withPort(int port) {
    return new HttpSettings(host, port, advertisedHost, managementPort, tokenDir, auth);
  }
}
