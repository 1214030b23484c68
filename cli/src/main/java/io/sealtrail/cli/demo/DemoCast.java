package io.sealtrail.cli.demo;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import java.security.SecureRandom;
import java.util.List;

/**
 * The partners of the demo supply chain, each with its own Ed25519 key: a component supplier, the
 * contract manufacturer's assembly line and its provisioning and flashing stations, two release
 * managers and an approver, a carrier, two docks and a field-service team.
 */
public record DemoCast(
    DemoPartner supplier,
    DemoPartner assembly,
    DemoPartner provisioning,
    DemoPartner flashing,
    DemoPartner releaseManagerA,
    DemoPartner releaseManagerB,
    DemoPartner approver,
    DemoPartner carrier,
    DemoPartner dockRotterdam,
    DemoPartner dockHamburg,
    DemoPartner fieldService) {

  /** The cast with keys drawn from {@code random}: the same keys for the same sequence. */
  public static DemoCast generate(SecureRandom random) {
    return new DemoCast(
        partner("acme-components", "SUPPLIER", Sites.SUPPLIER, random),
        partner("cm-assembly", "MANUFACTURER", Sites.FACTORY, random),
        partner("cm-provisioning", "STATION", Sites.FACTORY, random),
        partner("cm-flashing", "STATION", Sites.FACTORY, random),
        partner("rm-alice", "RELEASE_MANAGER", null, random),
        partner("rm-bob", "RELEASE_MANAGER", null, random),
        partner("qa-approver", "APPROVER", null, random),
        partner("oceanic-logistics", "LOGISTICS", null, random),
        partner("dock-rotterdam", "DOCK", Sites.ROTTERDAM, random),
        partner("dock-hamburg", "DOCK", Sites.HAMBURG, random),
        partner("field-service", "FIELD_SERVICE", null, random));
  }

  public List<DemoPartner> all() {
    return List.of(
        supplier,
        assembly,
        provisioning,
        flashing,
        releaseManagerA,
        releaseManagerB,
        approver,
        carrier,
        dockRotterdam,
        dockHamburg,
        fieldService);
  }

  /** The dock partner of {@code site}. */
  public DemoPartner dockAt(String site) {
    return Sites.ROTTERDAM.equals(site) ? dockRotterdam : dockHamburg;
  }

  static Signer newKey(SecureRandom random) {
    return Signers.forKey(KeyPairs.generate(KeyAlgorithm.ED25519, random).privateKeyPkcs8());
  }

  private static DemoPartner partner(String id, String role, String site, SecureRandom random) {
    List<String> sites = site == null ? List.of() : List.of(site);
    return new DemoPartner(id, List.of(role), sites, newKey(random));
  }
}
