package io.sealtrail.registry.serde;

import io.sealtrail.registry.client.RegistryClientConfig;
import io.sealtrail.registry.client.Settings;
import java.util.Map;
import java.util.Optional;

/**
 * The serde settings, read from Confluent's keys so that a Confluent configuration works unchanged.
 * Registry connection keys are read by {@link RegistryClientConfig}.
 */
public record AvroSerdeConfig(
    String registryUrl,
    boolean autoRegister,
    boolean useLatestVersion,
    boolean latestCompatibilityStrict,
    boolean specificReader,
    SubjectNameStrategy keyStrategy,
    SubjectNameStrategy valueStrategy,
    Optional<String> keyReaderClass,
    Optional<String> valueReaderClass) {

  public static final String SCHEMA_REGISTRY_URL = RegistryClientConfig.URL;
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

  public static AvroSerdeConfig from(Map<String, ?> configs) {
    Settings settings = new Settings(configs);
    return new AvroSerdeConfig(
        settings.string(SCHEMA_REGISTRY_URL).orElse(""),
        settings.flag(AUTO_REGISTER_SCHEMAS, true),
        settings.flag(USE_LATEST_VERSION, false),
        settings.flag(LATEST_COMPATIBILITY_STRICT, true),
        settings.flag(SPECIFIC_AVRO_READER, false),
        SubjectNameStrategies.resolve(configs.get(KEY_SUBJECT_NAME_STRATEGY)),
        SubjectNameStrategies.resolve(configs.get(VALUE_SUBJECT_NAME_STRATEGY)),
        className(configs.get(SPECIFIC_AVRO_KEY_TYPE)),
        className(configs.get(SPECIFIC_AVRO_VALUE_TYPE)));
  }

  public SubjectNameStrategy strategy(boolean isKey) {
    return isKey ? keyStrategy : valueStrategy;
  }

  public Optional<String> readerClass(boolean isKey) {
    return isKey ? keyReaderClass : valueReaderClass;
  }

  private static Optional<String> className(Object configured) {
    if (configured instanceof Class<?> type) {
      return Optional.of(type.getName());
    }
    return Optional.ofNullable(configured).map(Object::toString).filter(s -> !s.isBlank());
  }
}
