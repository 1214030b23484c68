package io.sealtrail.custody.detect;

import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;

/** One rule of the detection catalogue, judged on one event against its serial's prior state. */
@FunctionalInterface
public interface Detector {
  /**
   * What {@code event} shows against {@code prior}, the state before it (null for a serial never
   * seen); empty when the event is legitimate.
   */
  List<Finding> detect(CustodyState prior, Observation event);

  /**
   * What {@code event} shows against {@code prior} and the serial's {@code past}; detectors that
   * name earlier events or compare with neighbours in time override this one.
   */
  default List<Finding> detect(CustodyState prior, Observation event, Past past) {
    return detect(prior, event);
  }
}
