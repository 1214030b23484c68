package io.sealtrail.client.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.client.Receipt;
import io.sealtrail.client.outbox.DurableFiles;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The receipts of the events this client had stored by the platform, one JSON file each in {@code
 * <outbox>/receipts/} ({@code {"partnerId","eventId","leafHash","inclusionProof"}}), and their
 * proofs in {@code <outbox>/proofs/}, both named by the SHA-256 of partner and event id.
 */
public final class ReceiptStore {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SUFFIX = ".json";
  private final Path receipts;
  private final Path proofs;

  private ReceiptStore(Path receipts, Path proofs) {
    this.receipts = receipts;
    this.proofs = proofs;
  }

  /** The receipts and proofs kept next to the outbox in {@code outbox}. */
  public static ReceiptStore in(Path outbox) throws IOException {
    ReceiptStore store = new ReceiptStore(outbox.resolve("receipts"), outbox.resolve("proofs"));
    Files.createDirectories(store.receipts);
    Files.createDirectories(store.proofs);
    return store;
  }

  /** One kept receipt: {@code receipt} is null when the platform answered duplicate. */
  public record Kept(String partnerId, String eventId, Receipt receipt) {
    /** Where the log answers this event's inclusion proof. */
    public String inclusionProof() {
      return receipt != null && receipt.inclusionProof() != null
          ? receipt.inclusionProof()
          : "/v1/log/proof/inclusion?partnerId="
              + URLEncoder.encode(partnerId, StandardCharsets.UTF_8)
              + "&eventId="
              + URLEncoder.encode(eventId, StandardCharsets.UTF_8);
    }
  }

  /**
   * Keeps the receipt of an event the platform stored; a duplicate's answer (no receipt) never
   * replaces a receipt kept from the first answer.
   */
  public synchronized void keep(String partnerId, String eventId, Receipt receipt)
      throws IOException {
    Path file = receipts.resolve(name(partnerId, eventId) + SUFFIX);
    if (receipt == null && Files.exists(file)) {
      return;
    }
    ObjectNode node = JSON.createObjectNode().put("partnerId", partnerId).put("eventId", eventId);
    if (receipt != null) {
      node.put("leafHash", receipt.leafHash()).put("inclusionProof", receipt.inclusionProof());
    }
    DurableFiles.write(file, JSON.writeValueAsBytes(node));
  }

  /** Every receipt kept, in no particular order. */
  public synchronized List<Kept> all() throws IOException {
    List<Kept> kept = new ArrayList<>();
    try (Stream<Path> files = Files.list(receipts)) {
      for (Path file : files.filter(f -> f.toString().endsWith(SUFFIX)).sorted().toList()) {
        kept.add(read(file));
      }
    }
    return kept;
  }

  /** The receipt kept for the event, if any. */
  public synchronized Optional<Kept> find(String partnerId, String eventId) throws IOException {
    Path file = receipts.resolve(name(partnerId, eventId) + SUFFIX);
    return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
  }

  /** Where the event's verified inclusion proof is (or will be) stored. */
  public Path proofFile(String partnerId, String eventId) {
    return proofs.resolve(name(partnerId, eventId) + SUFFIX);
  }

  void keepProof(String partnerId, String eventId, String proofJson) throws IOException {
    DurableFiles.write(proofFile(partnerId, eventId), proofJson.getBytes(StandardCharsets.UTF_8));
  }

  private static Kept read(Path file) throws IOException {
    JsonNode node = JSON.readTree(file.toFile());
    Receipt receipt =
        node.hasNonNull("leafHash")
            ? new Receipt(node.get("leafHash").asText(), node.path("inclusionProof").asText(null))
            : null;
    return new Kept(node.path("partnerId").asText(), node.path("eventId").asText(), receipt);
  }

  private static String name(String partnerId, String eventId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (partnerId.length() + ":" + partnerId + "/" + eventId)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
