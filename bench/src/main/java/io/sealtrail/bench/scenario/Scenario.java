package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Row;
import java.util.List;

/** One item of the suite: measures its figures, each back to back with its baseline. */
public interface Scenario {
  /** The name {@code --only} selects it by. */
  String name();

  List<Row> run(BenchContext context) throws Exception;
}
