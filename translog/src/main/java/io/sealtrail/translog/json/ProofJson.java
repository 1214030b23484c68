package io.sealtrail.translog.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sealtrail.translog.entry.AcceptedEventLeaf;
import io.sealtrail.translog.entry.LogEntry;
import io.sealtrail.translog.merkle.ConsistencyProof;
import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.InclusionProof;
import io.sealtrail.translog.merkle.StrictBase64;
import io.sealtrail.translog.note.SignedNote;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The JSON of proofs and entries, with hashes and leaf bytes in standard padded base64 so any RFC
 * 9162 verifier can use them. Readers are strict about what they need (every field, exact types,
 * 32-byte hashes, no duplicate field) and ignore fields they do not know.
 */
public final class ProofJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private ProofJson() {}

  /** {@code {leafIndex, treeSize, leafHash, hashes, checkpoint}}. */
  public static String inclusion(InclusionProof proof, SignedNote checkpoint) {
    return write(
        new InclusionDocument(
            proof.leafIndex(),
            proof.treeSize(),
            proof.leafHash().base64(),
            base64(proof.hashes()),
            checkpoint.toString()));
  }

  /** {@code {from, to, hashes}}. */
  public static String consistency(ConsistencyProof proof) {
    return write(new ConsistencyDocument(proof.from(), proof.to(), base64(proof.hashes())));
  }

  /** {@code {index, partnerId, eventId, envelopeSha256, receivedAt, leaf, leafHash}}. */
  public static String entry(LogEntry entry) {
    AcceptedEventLeaf leaf = entry.leaf();
    return write(
        new EntryDocument(
            entry.index(),
            leaf.partnerId(),
            leaf.eventId(),
            leaf.envelopeSha256().hex(),
            leaf.receivedAt().toString(),
            Base64.getEncoder().encodeToString(entry.leafBytes()),
            entry.leafHash().base64()));
  }

  /** An inclusion proof and the signed note it came with (verify the note before the proof). */
  public static InclusionWithCheckpoint readInclusion(String json) {
    InclusionDocument doc = read(json, InclusionDocument.class);
    InclusionProof proof =
        new InclusionProof(
            doc.leafIndex(),
            doc.treeSize(),
            hash(doc.leafHash(), "leafHash"),
            hashes(doc.hashes()));
    return new InclusionWithCheckpoint(proof, doc.checkpoint());
  }

  public static ConsistencyProof readConsistency(String json) {
    ConsistencyDocument doc = read(json, ConsistencyDocument.class);
    return new ConsistencyProof(doc.from(), doc.to(), hashes(doc.hashes()));
  }

  /** An entry whose named fields and leaf hash must all agree with its leaf bytes. */
  public static LogEntry readEntry(String json) {
    EntryDocument doc = read(json, EntryDocument.class);
    AcceptedEventLeaf leaf;
    try {
      leaf = AcceptedEventLeaf.decode(StrictBase64.decode(doc.leaf()));
    } catch (IllegalArgumentException e) {
      throw new MalformedProofJsonException("leaf: " + e.getMessage());
    }
    LogEntry entry = new LogEntry(doc.index(), leaf);
    if (!entry.leafHash().equals(hash(doc.leafHash(), "leafHash"))) {
      throw new MalformedProofJsonException("leafHash is not the hash of leaf");
    }
    if (!doc.equals(read(entry(entry), EntryDocument.class))) {
      throw new MalformedProofJsonException(
          "partnerId, eventId, envelopeSha256 or receivedAt " + "differ from the leaf bytes");
    }
    return entry;
  }

  private static List<String> base64(List<Hash> hashes) {
    return hashes.stream().map(Hash::base64).toList();
  }

  private static List<Hash> hashes(List<String> hashes) {
    if (hashes.stream().anyMatch(Objects::isNull)) {
      throw new MalformedProofJsonException("hashes holds a null");
    }
    return hashes.stream().map(h -> hash(h, "hashes")).toList();
  }

  private static Hash hash(String base64, String field) {
    try {
      return Hash.fromBase64(base64);
    } catch (IllegalArgumentException e) {
      throw new MalformedProofJsonException(field + ": " + e.getMessage());
    }
  }

  private static String write(Object document) {
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("records of strings and numbers always serialise", e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      String detail = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
      throw new MalformedProofJsonException(
          "not a " + type.getSimpleName() + pointer(e) + ": " + detail);
    }
  }

  /** Where in the document the defect is, as a JSON pointer ({@code at /hashes/2}), if known. */
  private static String pointer(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return "";
    }
    StringBuilder pointer = new StringBuilder(" at ");
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
    }
    return pointer.toString();
  }

  /** An inclusion proof with the signed note of its tree size, as served. */
  public record InclusionWithCheckpoint(InclusionProof proof, String checkpoint) {}

  record InclusionDocument(
      long leafIndex, long treeSize, String leafHash, List<String> hashes, String checkpoint) {}

  record ConsistencyDocument(long from, long to, List<String> hashes) {}

  record EntryDocument(
      long index,
      String partnerId,
      String eventId,
      String envelopeSha256,
      String receivedAt,
      String leaf,
      String leafHash) {}
}
