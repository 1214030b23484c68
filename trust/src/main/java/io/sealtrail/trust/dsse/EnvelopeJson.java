package io.sealtrail.trust.dsse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.trust.json.StrictJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The DSSE JSON envelope codec. Reading is strict: bytes that are not UTF-8, content after the
 * object, duplicate fields, missing fields, wrong types, non-canonical base64 and an empty
 * signature list are refused with the offending field.
 */
public final class EnvelopeJson {
  /**
   * The most signatures an envelope may carry. Every signature by a registered key costs a
   * verification before the submission is authenticated; no Sealtrail event needs more than a
   * handful (a release takes two, a flash two).
   */
  public static final int MAX_SIGNATURES = 16;

  private static final JsonMapper MAPPER = StrictJson.mapper();

  private EnvelopeJson() {}

  /** Decodes an envelope; throws {@link MalformedEnvelopeException} naming the defect. */
  public static Envelope read(byte[] json) {
    return read(tree(json));
  }

  /**
   * The JSON of an envelope, read strictly ({@link StrictJson}), or null for no content; throws
   * {@link MalformedEnvelopeException} for bytes that are not one strict JSON value.
   */
  public static JsonNode tree(byte[] json) {
    try {
      return StrictJson.read(json);
    } catch (StrictJson.Unreadable e) {
      throw new MalformedEnvelopeException("$", e.getMessage());
    }
  }

  /** Decodes the envelope {@code root}, read by {@link #tree}; throws naming the defect. */
  public static Envelope read(JsonNode root) {
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
    if (node.size() > MAX_SIGNATURES) {
      throw new MalformedEnvelopeException(
          "signatures", node.size() + " signatures, at most " + MAX_SIGNATURES + " are accepted");
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
}
