package io.sealtrail.custody.query;

import io.micronaut.http.HttpRequest;
import io.sealtrail.avro.campaign.CampaignScope;
import io.sealtrail.custody.campaign.CampaignScopes;
import io.sealtrail.custody.campaign.ImageScope;
import io.sealtrail.custody.inventory.FirmwareInventory;
import io.sealtrail.custody.inventory.InventoryStores;
import io.sealtrail.custody.lineage.LineageStores;
import io.sealtrail.platform.query.StoreReader;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The serials a recall is about, for code that acts on them (a campaign): every device reached from
 * a lot (deep lineage, as the trace), from every lot of a supplier, or running a firmware image.
 * Lots and suppliers are read lazily on whichever instance owns them; {@code asking} is the request
 * on whose behalf other instances are asked (its bearer token is passed on). An unknown lot or
 * supplier is a {@link KeyNotFoundException}.
 */
public final class RecallScope implements CampaignScopes {
  private final StoreReader reader;
  private final CustodyQueries queries;

  public RecallScope(StoreReader reader, CustodyQueries queries) {
    this.reader = reader;
    this.queries = queries;
  }

  /** Every device reached from {@code lot}, in trace order. */
  public Iterator<String> ofLot(String lot, HttpRequest<?> asking) {
    var owner = reader.remoteOwner(LineageStores.LOT_SUPPLIERS, lot);
    if (owner.isEmpty()) {
      return serials(queries.lotRows(lot, asking));
    }
    return serials(Upstream.rows(owner.get(), lot, asking));
  }

  /**
   * A campaign's devices, each once: a lot's or a supplier's as their traces find them, an image's
   * from every instance's inventory ({@link ImageScope}; an image no device runs is a {@link
   * KeyNotFoundException}).
   */
  @Override
  public List<String> serials(CampaignScope scope, String id, HttpRequest<?> asking) {
    Set<String> serials = new LinkedHashSet<>();
    switch (scope) {
      case LOT -> ofLot(id, asking).forEachRemaining(serials::add);
      case SUPPLIER -> ofSupplier(id, asking).forEachRemaining(serials::add);
      case IMAGE -> {
        serials.addAll(new ImageScope(reader, this).serials(id, asking));
        if (serials.isEmpty()) {
          throw new KeyNotFoundException("image", id);
        }
      }
    }
    return List.copyOf(serials);
  }

  /** Every device reached from every lot of {@code supplier}, lot by lot. */
  public Iterator<String> ofSupplier(String supplier, HttpRequest<?> asking) {
    var owner = reader.remoteOwner(LineageStores.SUPPLIER_LOTS, supplier);
    if (owner.isEmpty()) {
      return serials(queries.supplierRows(supplier, asking));
    }
    return serials(Upstream.supplierRows(owner.get(), supplier, asking));
  }

  /**
   * Every device running {@code imageSha256} now, of the products whose inventory this instance
   * holds (a single instance holds them all; with several, {@link ImageScope} asks each).
   */
  @Override
  public Set<String> ofImage(String imageSha256) {
    var counts = reader.<Long>local(InventoryStores.COUNTS);
    var inventory = new FirmwareInventory(counts, reader.<String>local(InventoryStores.DEVICES));
    Set<String> serials = new LinkedHashSet<>();
    Set<String> products = new LinkedHashSet<>();
    try (KeyValueIterator<String, Long> all = counts.all()) {
      all.forEachRemaining(
          kv -> {
            String[] key = kv.key.split("\n", 3);
            if (key.length == 3 && key[2].equals(imageSha256)) {
              products.add(key[0]);
            }
          });
    }
    products.forEach(p -> serials.addAll(inventory.devicesRunning(p, imageSha256)));
    return serials;
  }

  private static Iterator<String> serials(Iterator<TraceLine> rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public String next() {
        return rows.next().serial();
      }
    };
  }
}
