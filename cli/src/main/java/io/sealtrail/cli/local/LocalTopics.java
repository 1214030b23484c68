package io.sealtrail.cli.local;

import io.sealtrail.anomaly.service.AnomalyService;
import io.sealtrail.anomaly.service.ServiceConfig;
import io.sealtrail.custody.topology.CustodyStreamConfig;
import io.sealtrail.custody.topology.CustodyTopics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics local mode creates, as each stream service declares them, with one replica. The ingest
 * topics are created by the ingest service itself, first, with the settings it checks at start
 * (LogAppendTime on inbound, unlimited retention on events); where two services declare one topic,
 * the first declaration counts: custody-stream's before anomaly-service's.
 */
final class LocalTopics {
  private LocalTopics() {}

  static List<NewTopic> of(CustodyStreamConfig custody, ServiceConfig anomaly) {
    List<NewTopic> all = new ArrayList<>();
    for (CustodyTopics.Spec spec : CustodyTopics.of(custody, LocalStreams.PARTITIONS)) {
      all.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
    }
    all.addAll(AnomalyService.topics(anomaly));
    return all;
  }
}
