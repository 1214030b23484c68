package io.sealtrail.ingest.route;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.kafka.ClientSettings;
import io.sealtrail.ingest.kafka.LoopService;
import io.sealtrail.ingest.kafka.TransactionalLoop;
import java.time.Clock;

/**
 * The Kafka-native door: moves every record of {@code custody.inbound} to the submissions topic,
 * exactly once, in the router group, so it is verified exactly like an HTTP submission. Its outcome
 * is on {@code custody.events} or {@code custody.rejected}; nobody waits for its reply.
 */
public final class InboundRouter extends LoopService {
  public static final String GROUP = "router";

  public InboundRouter(IngestConfig config, Clock clock) {
    super(
        TransactionalLoop.of(
            new ClientSettings(config),
            GROUP,
            config.instanceId(),
            config.topics().inbound(),
            new InboundRouting(config.topics().submissions(), clock)));
  }
}
