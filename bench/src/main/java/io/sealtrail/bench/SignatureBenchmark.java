package io.sealtrail.bench;

import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.Verification;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.crypto.Verifier;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.dsse.Pae;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sign and verify rates of a typical custody event's PAE for each algorithm, and of the whole
 * submission check ingest runs (JSON envelope decode, signature, directory, policy).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class SignatureBenchmark {
  private static final String EVENT =
      "{\"eventId\":\"7f1c2e0a-5b7d-4c1e-9a57-3f4d2b8e6c01\",\"type\":\"FIRMWARE_FLASHED\","
          + "\"occurredAt\":\"2026-03-01T07:59:00Z\",\"partnerId\":\"station-4\",\"site\":\"plant-1\","
          + "\"station\":\"line-3-st-4\",\"operator\":\"op-118\",\"subject\":\"SN-2026-000123\","
          + "\"detail\":{\"product\":\"gateway-x\",\"version\":\"4.2.1\",\"imageSha256\":"
          + "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}}";
  private static final Instant RECEIVED_AT = Instant.parse("2026-03-01T08:00:00Z");

  @Param({"ED25519", "ECDSA_P256"})
  public KeyAlgorithm algorithm;

  private Signer signer;
  private Verifier verifier;
  private byte[] pae;
  private byte[] signature;
  private byte[] envelopeJson;
  private SubmissionVerifier submissionVerifier;

  @Setup
  public void setUp() {
    signer = Signers.forKey(KeyPairs.generate(algorithm, new SecureRandom()).privateKeyPkcs8());
    verifier = signer.verifier();
    byte[] payload = EVENT.getBytes(StandardCharsets.UTF_8);
    pae = Pae.encode(SubmissionVerifier.EVENT_PAYLOAD_TYPE, payload);
    signature = signer.sign(pae);
    var envelope =
        EnvelopeSigner.sign(SubmissionVerifier.EVENT_PAYLOAD_TYPE, payload, List.of(signer));
    envelopeJson = EnvelopeJson.write(envelope).getBytes(StandardCharsets.UTF_8);
    Partner station =
        new Partner(
            "station-4", Set.of("STATION"), Set.of(), List.of(PartnerKey.unbounded(verifier)));
    PartnerDirectory directory = PartnerDirectory.of(List.of(station));
    submissionVerifier = new SubmissionVerifier(() -> directory, Policy.defaults());
    if (!submissionVerifier.verify(envelopeJson, RECEIVED_AT).accepted()) {
      throw new IllegalStateException("the benchmark envelope must verify");
    }
  }

  @Benchmark
  public byte[] sign() {
    return signer.sign(pae);
  }

  @Benchmark
  public boolean verify() {
    return verifier.verify(pae, signature);
  }

  @Benchmark
  public Verification verifySubmission() {
    return submissionVerifier.verify(envelopeJson, RECEIVED_AT);
  }
}
