package io.sealtrail.cli.demo;

import java.util.Set;

/**
 * Realistic noise that must not alert beyond the catalogue's own: isolated attestation failures
 * (each a true fact about one device, so each may raise ATTESTATION_FAILED, never a spike).
 */
public record Noise(Twist twist, Set<String> failingSerials) {
  public Noise {
    failingSerials = Set.copyOf(failingSerials);
  }
}
