package io.sealtrail.custody.order;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.process.CustodyProcessor;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.process.Watermarks;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each custody task publishes how far it has processed its partition on the releases topic: its
 * stream time while events come, caught up once idle, and its stream time again on its next event.
 */
class WatermarkPublishingTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  private long watermark() {
    byte[] value = custody.<byte[]>store(CustodyStores.RELEASES).get(Watermarks.keyOf(0));
    return ByteBuffer.wrap(value).getLong();
  }

  @Test
  void shouldPublishStreamTimeThenCaughtUpWhenIdleThenStreamTimeAgainWhenEventsResume() {
    custody.send(assembled(DEVICE, T0), streamTimeAt(T0.plus(Duration.ofMinutes(1))));

    custody.advanceWallClock(CustodyProcessor.QUIET);
    assertThat(watermark()).isEqualTo(T0.plus(Duration.ofMinutes(1)).toEpochMilli());

    custody.advanceWallClock(CustodyProcessor.QUIET);
    assertThat(watermark()).isEqualTo(Watermarks.CAUGHT_UP);

    custody.send(scanned(DEVICE, T0.plus(Duration.ofMinutes(2))));
    assertThat(watermark()).isEqualTo(T0.plus(Duration.ofMinutes(2)).toEpochMilli());
  }

  /**
   * A task on a busy stream thread may process nothing for a while with records of its partition
   * still to fetch: it is idle, not caught up, so it keeps holding the others back by its stream
   * time until its consumer sees no lag (the 3,000-device demo's false UNVERIFIED_COMPONENT).
   */
  @Test
  void shouldKeepPublishingStreamTimeWhileIdleWhenItsPartitionStillHasRecordsToFetch() {
    custody.send(assembled(DEVICE, T0), streamTimeAt(T0.plus(Duration.ofMinutes(1))));
    custody.inputLag(3);

    custody.advanceWallClock(CustodyProcessor.QUIET).advanceWallClock(CustodyProcessor.QUIET);
    assertThat(watermark()).isEqualTo(T0.plus(Duration.ofMinutes(1)).toEpochMilli());

    custody.inputLag(0).advanceWallClock(CustodyProcessor.QUIET);
    assertThat(watermark()).isEqualTo(Watermarks.CAUGHT_UP);
  }
}
