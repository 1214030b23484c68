package io.sealtrail.trust.testing;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyId;
import io.sealtrail.trust.crypto.Verifier;
import java.util.concurrent.atomic.AtomicInteger;

/** A registered key that counts its verifications, to prove work is not done. */
public final class CountingVerifier implements Verifier {
  private final Verifier key;
  private final AtomicInteger calls = new AtomicInteger();

  public CountingVerifier(Verifier key) {
    this.key = key;
  }

  public int calls() {
    return calls.get();
  }

  @Override
  public KeyAlgorithm algorithm() {
    return key.algorithm();
  }

  @Override
  public KeyId keyId() {
    return key.keyId();
  }

  @Override
  public byte[] subjectPublicKeyInfo() {
    return key.subjectPublicKeyInfo();
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    calls.incrementAndGet();
    return key.verify(message, signature);
  }
}
