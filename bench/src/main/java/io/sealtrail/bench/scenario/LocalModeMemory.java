package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.fixture.BenchPartner;
import io.sealtrail.bench.fixture.Envelopes;
import io.sealtrail.bench.http.HttpLoad;
import io.sealtrail.bench.http.JsonArray;
import io.sealtrail.bench.memory.LocalProcess;
import io.sealtrail.bench.memory.RssSampler;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 7: the resident size of {@code sealtrail local} while events stream in over its HTTP API
 * (the demo is not on main yet, so the bench's own load stands in for it), against the same process
 * idle right after start.
 */
public final class LocalModeMemory implements Scenario {
  private static final int BATCH = 100;
  private static final int CLIENTS = 4;
  private static final long IDLE_MS = 5_000;

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    String runId = context.fresh("local");
    var partner = new BenchPartner();
    int devices = context.scale().ingestDevices();
    Progress.say("memory: signing %,d events", devices * 4);
    List<byte[]> envelopes = Envelopes.assemblies(partner, runId, devices);
    Progress.say("memory: starting sealtrail local");
    try (LocalProcess local = LocalProcess.start(context.cluster().directory(runId));
        RssSampler idle = new RssSampler(local.pid())) {
      Thread.sleep(IDLE_MS);
      double idleMiB = idle.peakMiB();
      Map<String, Object> serde = new HashMap<>();
      serde.put("schema.registry.url", local.registryUrl());
      serde.put("auto.register.schemas", true);
      partner.register(local.bootstrapServers(), serde, "custody.partners");
      List<HttpRequest> batches = batches(local, envelopes);
      awaitPartnerKnown(local, batches.get(0));
      Progress.say(
          "memory: %,d events in batches of %d, idle RSS %.0f MiB",
          envelopes.size(), BATCH, idleMiB);
      double loadedMiB;
      try (RssSampler loaded = new RssSampler(local.pid())) {
        new HttpLoad().run("local, batches", batches.subList(1, batches.size()), CLIENTS);
        loadedMiB = loaded.peakMiB();
      }
      return List.of(
          new Row(
              7,
              "RSS of `sealtrail local`, peak while "
                  + envelopes.size()
                  + " events stream in over HTTP",
              Row.of(loadedMiB, "MiB"),
              "RSS of the same process idle after start",
              Row.of(idleMiB, "MiB")));
    }
  }

  /**
   * The partner's registration reaches local mode's directory asynchronously; retry the first
   * batch.
   */
  private static void awaitPartnerKnown(LocalProcess local, HttpRequest first) throws Exception {
    var load = new HttpLoad();
    for (int attempt = 0; ; attempt++) {
      try {
        load.run("local, first batch", List.of(first), 1);
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        if (attempt == 30) {
          throw e;
        }
        Thread.sleep(1_000);
      }
    }
  }

  private static List<HttpRequest> batches(LocalProcess local, List<byte[]> envelopes) {
    List<HttpRequest> requests = new ArrayList<>();
    for (int i = 0; i < envelopes.size(); i += BATCH) {
      byte[] body = JsonArray.of(envelopes.subList(i, Math.min(i + BATCH, envelopes.size())));
      requests.add(
          HttpRequest.newBuilder(local.httpUrl().resolve("/v1/events"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build());
    }
    return requests;
  }
}
