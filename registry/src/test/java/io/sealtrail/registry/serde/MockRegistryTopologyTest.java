package io.sealtrail.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.client.MockRegistries;
import io.sealtrail.registry.client.SchemaRegistryClients;
import io.sealtrail.registry.fixtures.Shipment;
import io.sealtrail.registry.fixtures.ShipmentStatus;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serdes inside a {@link TopologyTestDriver}, sharing a {@code mock://} registry by scope. */
class MockRegistryTopologyTest {
  private final String scope = "topology-" + UUID.randomUUID();
  private final Map<String, String> config = Map.of("schema.registry.url", "mock://" + scope);

  @AfterEach
  void dropRegistry() {
    MockRegistries.drop(scope);
  }

  @Test
  void shouldPassSpecificRecordsThroughTopologyWhenRegistryIsMock() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), serde()))
        .mapValues(s -> Shipment.newBuilder(s).setStatus(ShipmentStatus.RECEIVED).build())
        .to("out", Produced.with(Serdes.String(), serde()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "mock-registry-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<String, Shipment> in =
          driver.createInputTopic("in", Serdes.String().serializer(), serde().serializer());
      TestOutputTopic<String, Shipment> out =
          driver.createOutputTopic("out", Serdes.String().deserializer(), serde().deserializer());

      in.pipeInput("S-1", AvroSerdeTest.shipment("S-1"));

      assertThat(out.readValue().getStatus()).isEqualTo(ShipmentStatus.RECEIVED);
      assertThat(SchemaRegistryClients.create(config).subjects())
          .containsExactly("in-value", "out-value");
    }
  }

  private SpecificAvroSerde<Shipment> serde() {
    SpecificAvroSerde<Shipment> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    return serde;
  }
}
