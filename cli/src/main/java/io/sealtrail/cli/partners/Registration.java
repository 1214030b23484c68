package io.sealtrail.cli.partners;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The body of {@code POST /v1/partners}: a partner's roles, sites and PEM public keys. */
public final class Registration {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Registration() {}

  public static ObjectNode json(
      String partnerId, List<String> roles, List<String> sites, List<String> publicKeyPems) {
    ObjectNode body = JSON.createObjectNode().put("partnerId", partnerId);
    roles.forEach(body.putArray("roles")::add);
    sites.forEach(body.putArray("sites")::add);
    var keys = body.putArray("keys");
    publicKeyPems.forEach(pem -> keys.addObject().put("publicKey", pem));
    return body;
  }
}
