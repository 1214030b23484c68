package io.sealtrail.custody.layout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every kept version of one product's layout, oldest first: the value of the layouts topic under
 * the product, so that compaction (which keeps the latest record per product) keeps the versions an
 * event received before the latest change is judged by.
 */
public record LayoutHistory(String product, List<Layout> versions) {
  /**
   * How many versions a product keeps; an event received before the oldest kept is judged by the
   * default layout (32 changes back: a replay of that age meets today's layouts anyway).
   */
  public static final int KEPT = 32;

  public LayoutHistory {
    Objects.requireNonNull(product, "product");
    versions = List.copyOf(versions);
  }

  public static LayoutHistory none(String product) {
    return new LayoutHistory(product, List.of());
  }

  /** The version in force now: the latest, or the default. */
  public Layout current() {
    return versions.isEmpty() ? Layout.defaultFor(product) : versions.get(versions.size() - 1);
  }

  /**
   * The version in force for an event received at {@code receivedAt}: the latest changed at or
   * before it, the default before the first. Judged on receipt, not on when the stream decides, so
   * a change applies to events received after it only, and a replay judges the same.
   */
  public Layout inForceAt(Instant receivedAt) {
    Layout found = Layout.defaultFor(product);
    for (Layout layout : versions) {
      if (!layout.changedAt().isAfter(receivedAt)) {
        found = layout;
      }
    }
    return found;
  }

  /** This history with {@code next} as its newest version, keeping the latest {@link #KEPT}. */
  public LayoutHistory with(Layout next) {
    List<Layout> all = new ArrayList<>(versions);
    all.add(next);
    return new LayoutHistory(product, all.subList(Math.max(0, all.size() - KEPT), all.size()));
  }
}
