package io.sealtrail.trust.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.dsse.MalformedEnvelopeException;
import io.sealtrail.trust.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A partner's credential on the routes of its own view (ADR 11): the request itself, signed with a
 * registered key. The {@code Authorization} header is {@code Sealtrail-DSSE <base64url of a DSSE
 * envelope JSON>} whose payload, of type {@value #PAYLOAD_TYPE}, is {@code {"method","path","at",
 * "nonce"?}}: the HTTP method, the request target as sent (path and query), when it was signed (RFC
 * 3339) and an optional one-time value. Partners already hold these keys, so no new secret is
 * handed out; the platform verifies it with the same signature checks as events.
 */
public final class SignedRequest {
  /** The DSSE payload type of a signed request; an event envelope is never a credential. */
  public static final String PAYLOAD_TYPE = "application/vnd.sealtrail.request+json";

  /** The {@code Authorization} scheme. */
  public static final String SCHEME = "Sealtrail-DSSE";

  private static final Set<String> FIELDS = Set.of("method", "path", "at", "nonce");

  private SignedRequest() {}

  /**
   * What a signed request claims.
   *
   * @param nonce a one-time value, or null
   */
  public record Claim(String method, String path, Instant at, String nonce) {
    public Claim {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(at, "at");
    }

    /** The payload's JSON. */
    public byte[] json() {
      ObjectNode node = StrictJson.mapper().createObjectNode();
      node.put("method", method);
      node.put("path", path);
      node.put("at", at.toString());
      if (nonce != null) {
        node.put("nonce", nonce);
      }
      try {
        return StrictJson.mapper().writeValueAsBytes(node);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a tree of strings always serializes", e);
      }
    }
  }

  /** The {@code Authorization} header value for {@code claim}, signed by {@code signers}. */
  public static String authorization(Claim claim, List<? extends Signer> signers) {
    Envelope envelope = EnvelopeSigner.sign(PAYLOAD_TYPE, claim.json(), signers);
    byte[] json = EnvelopeJson.write(envelope).getBytes(StandardCharsets.UTF_8);
    return SCHEME + " " + Base64.getUrlEncoder().withoutPadding().encodeToString(json);
  }

  /**
   * The envelope an {@code Authorization} header value carries (base64 in either alphabet, padded
   * or not).
   *
   * @throws MalformedRequestException naming what is wrong
   */
  public static Envelope envelope(String authorization) {
    if (authorization == null || !authorization.startsWith(SCHEME + " ")) {
      throw new MalformedRequestException("no " + SCHEME + " credential in Authorization");
    }
    String encoded =
        authorization
            .substring(SCHEME.length() + 1)
            .strip()
            .replace('+', '-')
            .replace('/', '_')
            .replace("=", "");
    byte[] json;
    try {
      json = Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("the credential is not base64");
    }
    Envelope envelope;
    try {
      envelope = EnvelopeJson.read(json);
    } catch (MalformedEnvelopeException e) {
      throw new MalformedRequestException(
          "the credential is not a DSSE envelope: " + e.getMessage());
    }
    if (!PAYLOAD_TYPE.equals(envelope.payloadType())) {
      throw new MalformedRequestException("the credential's payloadType is not " + PAYLOAD_TYPE);
    }
    return envelope;
  }

  /**
   * The claim of a signed request's payload, read strictly: an object with exactly the known
   * fields, strings, {@code at} an instant.
   *
   * @throws MalformedRequestException naming the defect
   */
  public static Claim claim(byte[] payload) {
    JsonNode node;
    try {
      node = StrictJson.read(payload);
    } catch (StrictJson.Unreadable e) {
      throw new MalformedRequestException("the signed request is " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new MalformedRequestException("the signed request is not a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new MalformedRequestException("the signed request has an unknown field " + name);
      }
    }
    String at = text(node, "at", true);
    try {
      return new Claim(
          text(node, "method", true),
          text(node, "path", true),
          Instant.parse(at),
          text(node, "nonce", false));
    } catch (DateTimeParseException e) {
      throw new MalformedRequestException("the signed request's at is not an RFC 3339 instant");
    }
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null && !required) {
      return null;
    }
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new MalformedRequestException(
          "the signed request's " + field + " is missing or not a non-empty string");
    }
    return value.asText();
  }

  /** A credential that cannot be read; its message says why, in Sealtrail's words. */
  public static final class MalformedRequestException extends RuntimeException {
    public MalformedRequestException(String message) {
      super(message);
    }
  }
}
