package io.sealtrail.system.config;

import io.sealtrail.anomaly.AnomalyConfig;
import io.sealtrail.anomaly.AnomalyTopics;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestTopics;
import io.sealtrail.log.LogConfig;
import io.sealtrail.log.LogTopics;
import io.sealtrail.platform.env.EnvConfig;
import io.sealtrail.platform.topic.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The four Sealtrail services as deploy/ runs them: the image they run from, the variables they
 * read, and the topics they need, taken from their own configuration classes (the stream services'
 * topic catalogues, and ingest's), never from a list kept here.
 */
enum ServiceKind {
  INGEST("sealtrail/ingest-service", IngestConfig.ENVIRONMENT) {
    @Override
    List<String> topicsNeeded(Map<String, String> env) {
      // The catalogue, not every name in the configuration: the outcomes name is the prefix of
      // each partner's topic, which ingest creates when the partner is registered (ADR 11).
      IngestConfig config = IngestConfig.fromEnvironment(env);
      return names(IngestTopics.from(config, config.serdeConfig()).all());
    }
  },
  CUSTODY_STREAM("sealtrail/custody-stream", CustodyConfig.ENVIRONMENT) {
    @Override
    List<String> topicsNeeded(Map<String, String> env) {
      CustodyConfig config = CustodyConfig.fromEnvironment(env);
      return names(CustodyTopics.from(config, config.serdeConfig()).all());
    }
  },
  ANOMALY("sealtrail/anomaly-service", AnomalyConfig.ENVIRONMENT) {
    @Override
    List<String> topicsNeeded(Map<String, String> env) {
      AnomalyConfig config = AnomalyConfig.fromEnvironment(env);
      return names(AnomalyTopics.from(config, config.serdeConfig()).all());
    }
  },
  LOG("sealtrail/log-service", LogConfig.ENVIRONMENT) {
    @Override
    List<String> topicsNeeded(Map<String, String> env) {
      LogConfig config = LogConfig.fromEnvironment(env);
      return names(LogTopics.from(config, config.serdeConfig()).all());
    }
  };

  final String image;
  final EnvConfig variables;

  ServiceKind(String image, EnvConfig variables) {
    this.image = image;
    this.variables = variables;
  }

  /** Every topic the service reads or writes when configured by {@code env}. */
  abstract List<String> topicsNeeded(Map<String, String> env);

  /** The kind a container image is of, if it is one of these. */
  static java.util.Optional<ServiceKind> ofImage(String image) {
    return Arrays.stream(values()).filter(k -> image.startsWith(k.image + ":")).findFirst();
  }

  private static List<String> names(List<Topic<?>> topics) {
    return topics.stream().map(Topic::name).toList();
  }
}
