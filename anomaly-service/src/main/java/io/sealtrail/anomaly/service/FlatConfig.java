package io.sealtrail.anomaly.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The one place configuration comes from: an optional properties file, then environment variables,
 * which win. A key's variable is the key upper-cased with dots and dashes as underscores: {@code
 * bootstrap.servers} is {@code BOOTSTRAP_SERVERS}, {@code sealtrail.anomaly.webhook.url} is {@code
 * SEALTRAIL_ANOMALY_WEBHOOK_URL}.
 */
final class FlatConfig {
  private FlatConfig() {}

  static Map<String, String> load(Path file, Map<String, String> env, Iterable<String> keys)
      throws IOException {
    Map<String, String> flat = new HashMap<>();
    if (file != null) {
      Properties properties = new Properties();
      try (Reader in = Files.newBufferedReader(file)) {
        properties.load(in);
      }
      properties.stringPropertyNames().forEach(k -> flat.put(k, properties.getProperty(k)));
    }
    for (String key : keys) {
      String value = env.get(variable(key));
      if (value != null) {
        flat.put(key, value);
      }
    }
    return flat;
  }

  static String variable(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
