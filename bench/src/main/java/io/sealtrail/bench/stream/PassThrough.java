package io.sealtrail.bench.stream;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline topology: every input record copied, bytes untouched, to one output topic. What
 * Kafka Streams costs with no state, no serdes and no logic, under the same guarantee.
 */
public final class PassThrough {
  private PassThrough() {}

  public static Topology topology(String input, String output, Properties properties) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            input,
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-pass-source"))
        .to(
            output,
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-pass-sink"));
    return builder.build(properties);
  }
}
