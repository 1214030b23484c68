package io.sealtrail.cli.demo;

import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import java.util.List;
import java.util.Objects;

/**
 * One partner of the demo: what it registers (roles, sites, public key) and the key it signs with.
 */
public record DemoPartner(String partnerId, List<String> roles, List<String> sites, Signer key) {
  public DemoPartner {
    Objects.requireNonNull(partnerId, "partnerId");
    roles = List.copyOf(roles);
    sites = List.copyOf(sites);
    Objects.requireNonNull(key, "key");
  }

  public String publicKeyPem() {
    return Pem.writePublicKey(key.subjectPublicKeyInfo());
  }
}
