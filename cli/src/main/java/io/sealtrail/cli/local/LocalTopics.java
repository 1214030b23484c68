package io.sealtrail.cli.local;

import io.sealtrail.anomaly.AnomalyConfig;
import io.sealtrail.anomaly.AnomalyTopics;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.log.LogConfig;
import io.sealtrail.log.LogTopics;
import io.sealtrail.platform.topic.TopicSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics local mode creates, as each stream service's catalogue declares them (the log's
 * included), keyed ones with {@link LocalStreams#PARTITIONS} partitions, all with one replica. The
 * ingest topics are created by the ingest service itself, first, with the settings it checks at
 * start (LogAppendTime on inbound, unlimited retention on events); where two services declare one
 * topic, the first declaration counts: custody-stream's before anomaly-service's.
 */
final class LocalTopics {
  private LocalTopics() {}

  static List<NewTopic> of(CustodyConfig custody, AnomalyConfig anomaly, LogConfig log) {
    List<NewTopic> all = new ArrayList<>();
    for (Map<String, TopicSettings> declared :
        List.of(
            CustodyTopics.from(custody, custody.serdeConfig()).settings(),
            AnomalyTopics.from(anomaly, anomaly.serdeConfig()).settings())) {
      declared.forEach(
          (name, settings) ->
              all.add(
                  new NewTopic(name, settings.partitionsOr(LocalStreams.PARTITIONS), (short) 1)
                      .configs(settings.configs())));
    }
    // The log's own topics are read whole, in order: one partition each.
    all.addAll(LogTopics.from(log, log.serdeConfig()).newTopics((short) 1));
    return all;
  }
}
