package io.sealtrail.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.AlertType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A device key reused: the clone's secure element holds a copy of an earlier device's key, so its
 * provisioning reports that key and its quotes are signed with it.
 */
final class KeyReuse {
  private final Quotes quotes;

  KeyReuse(Quotes quotes) {
    this.quotes = quotes;
  }

  InjectedCase of(Device clone, Device original) {
    String copied = Base64.getEncoder().encodeToString(original.key().subjectPublicKeyInfo());
    List<DemoEvent> changed = new ArrayList<>();
    DemoEvent provisioned = quotes.provisioningOf(clone);
    changed.add(
        provisioned.edited(json -> ((ObjectNode) json.get("detail")).put("publicKey", copied)));
    for (DemoEvent attested : quotes.attestationsOf(clone)) {
      changed.add(Quotes.signedBy(attested, original.key()));
    }
    return new InjectedCase(
        "device key reused",
        AlertType.CLONE_SUSPECTED,
        clone.serial(),
        Twist.replacing(changed.toArray(DemoEvent[]::new)),
        provisioned.eventId());
  }
}
