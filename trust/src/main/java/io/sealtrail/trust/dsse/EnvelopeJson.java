package io.sealtrail.trust.dsse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The DSSE JSON envelope codec. Reading is strict: duplicate fields, missing fields, wrong types,
 * non-canonical base64 and an empty signature list are refused with the offending field.
 */
public final class EnvelopeJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private EnvelopeJson() {}

  /** Decodes an envelope; throws {@link MalformedEnvelopeException} naming the defect. */
  public static Envelope read(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new MalformedEnvelopeException("$", "not JSON: " + firstLine(e));
    }
    if (root == null || !root.isObject()) {
      throw new MalformedEnvelopeException("$", "an envelope is a JSON object");
    }
    String payloadType = text(root, "payloadType", "payloadType", true);
    byte[] payload = StrictBase64.decode(text(root, "payload", "payload", true), "payload");
    return new Envelope(payloadType, payload, signatures(root.get("signatures")));
  }

  /** Encodes an envelope with standard base64, fields in DSSE order. */
  public static String write(Envelope envelope) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("payloadType", envelope.payloadType());
    root.put("payload", StrictBase64.encode(envelope.payload()));
    ArrayNode signatures = root.putArray("signatures");
    for (EnvelopeSignature signature : envelope.signatures()) {
      ObjectNode node = signatures.addObject();
      if (signature.keyid() != null) {
        node.put("keyid", signature.keyid());
      }
      node.put("sig", StrictBase64.encode(signature.sig()));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  private static List<EnvelopeSignature> signatures(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new MalformedEnvelopeException("signatures", "missing or not an array");
    }
    if (node.isEmpty()) {
      throw new MalformedEnvelopeException("signatures", "no signatures");
    }
    List<EnvelopeSignature> signatures = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String path = "signatures[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isObject()) {
        throw new MalformedEnvelopeException(path, "a signature is a JSON object");
      }
      byte[] sig = StrictBase64.decode(text(item, "sig", path + ".sig", true), path + ".sig");
      signatures.add(new EnvelopeSignature(text(item, "keyid", path + ".keyid", false), sig));
    }
    return signatures;
  }

  private static String text(JsonNode parent, String name, String path, boolean required) {
    JsonNode value = parent.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw new MalformedEnvelopeException(path, "missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new MalformedEnvelopeException(path, "must be a string");
    }
    return value.textValue();
  }

  private static String firstLine(IOException e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }
}
