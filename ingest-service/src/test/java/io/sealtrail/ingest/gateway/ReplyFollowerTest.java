package io.sealtrail.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.platform.health.Health;
import io.sealtrail.platform.health.LoopHealthCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The loop that answers HTTP submissions: it completes replies, and its death is never silent. */
class ReplyFollowerTest {
  private static final String TOPIC = "replies";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

  private final MockConsumer<String, byte[]> consumer =
      new MockConsumer<>(OffsetResetStrategy.LATEST);
  private final PendingReplies pending = new PendingReplies();
  private final ReplyFollower follower =
      new ReplyFollower(consumer, TOPIC, pending, Duration.ofSeconds(5));

  @Test
  void shouldTurnReadinessDownNamingTheFollowerAndFailWaitersWhenItsConsumerFails()
      throws Exception {
    startFollowing();
    var waiting = pending.register("sub-1");
    var gatewayFails = follower.stopped().whenComplete((done, failure) -> pending.failAll(failure));
    var readiness = new LoopHealthCheck(ReplyFollower.NAME, follower.stopped());

    consumer.setPollException(new KafkaException("replies topic deleted"));

    assertThat(follower.stopped()).failsWithin(Duration.ofSeconds(5));
    assertThat(readiness.check())
        .isEqualTo(Health.down("stopped: KafkaException: replies topic deleted"));
    assertThat(readiness.name()).isEqualTo("replyFollower");
    // Dependents run on the loop's thread just after stopped() completed.
    assertThat(gatewayFails).failsWithin(Duration.ofSeconds(5));
    assertThat(waiting).failsWithin(Duration.ofSeconds(5));
    assertThat(consumer.closed()).isTrue();
  }

  @Test
  void shouldCompleteTheWaitingSubmissionAndStopCleanlyWhenClosed() throws Exception {
    startFollowing();
    var waiting = pending.register("sub-2");
    var reply = ReplyCodec.encode(new SubmissionResult.Accepted("ev-2", 1, 7));

    consumer.schedulePollTask(
        () -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "sub-2", reply)));

    assertThat(waiting).succeedsWithin(Duration.ofSeconds(5));
    follower.close();
    assertThat(follower.stopped()).isCompleted().isNotCompletedExceptionally();
    assertThat(new LoopHealthCheck(ReplyFollower.NAME, follower.stopped()).liveness())
        .contains(Health.UP);
  }

  private void startFollowing() throws InterruptedException {
    consumer.updatePartitions(
        TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
    consumer.updateEndOffsets(Map.of(P0, 0L));
    assertThat(follower.start()).isTrue();
  }
}
