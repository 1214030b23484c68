package io.sealtrail.system.config;

import io.sealtrail.anomaly.service.AnomalyService;
import io.sealtrail.anomaly.service.ServiceConfig;
import io.sealtrail.custody.service.CustodyEnvironment;
import io.sealtrail.custody.topology.CustodyTopics;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.platform.env.EnvConfig;
import io.sealtrail.platform.env.EnvSetting;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The three Sealtrail services as deploy/ runs them: the image they run from, the variables they
 * read, and the topics they need, taken from their own configuration classes (the String components
 * of their topic records), never from a list kept here.
 */
enum ServiceKind {
  INGEST("sealtrail/ingest-service", IngestConfig.ENVIRONMENT) {
    @Override
    List<String> topicsNeeded(Map<String, String> env) {
      return topicNames(IngestConfig.fromEnvironment(env).topics());
    }
  },
  CUSTODY_STREAM("sealtrail/custody-stream", CustodyEnvironment.VARIABLES) {
    @Override
    List<String> topicsNeeded(Map<String, String> env) {
      return CustodyTopics.of(CustodyEnvironment.from(env).streams(), 1).stream()
          .map(CustodyTopics.Spec::name)
          .toList();
    }
  },
  ANOMALY(
      "sealtrail/anomaly-service",
      // AnomalyMain reads each key of ServiceConfig.ENV_KEYS from its variable, named alike.
      new EnvConfig(ServiceConfig.ENV_KEYS.stream().map(EnvSetting::optional).toList())) {
    @Override
    List<String> topicsNeeded(Map<String, String> env) {
      return AnomalyService.topics(ServiceConfig.from(variables.read(env))).stream()
          .map(NewTopic::name)
          .toList();
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

  private static List<String> topicNames(Record topics) {
    return Arrays.stream(topics.getClass().getRecordComponents())
        .filter(c -> c.getType() == String.class)
        .map(
            c -> {
              try {
                return (String) c.getAccessor().invoke(topics);
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
