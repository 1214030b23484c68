package io.sealtrail.custody.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Follows lineage up through sub-assemblies to any depth: from the devices built directly with a
 * lot (or a component), each device and then, depth first, every device it was built into. A serial
 * is reached once: a cycle (a module recorded inside what it contains) is not followed round, and a
 * product reached along two paths is listed on the first. Lazy: the first device is answered before
 * the last is read. Only serials reached above depth 1 are remembered (a lot's direct devices are
 * unique by key and recognised with {@code direct}).
 */
public final class DeepLineage implements Iterator<DeepLineage.Reached> {
  /** The devices a serial was built into; local or asked of the serial's owner. */
  @FunctionalInterface
  public interface Parents {
    List<Lineage.Link> of(String serial);
  }

  /**
   * A device reached: what it took from the serial before it, how deep, and the chain of
   * sub-assembly serials from the lot (or component) to it.
   */
  public record Reached(String serial, String parts, int depth, List<String> via) {}

  private final Iterator<Lineage.Link> direct;
  private final Predicate<String> isDirect;
  private final Parents parents;
  private final int maxDepth;
  private final Set<String> seen = new HashSet<>();
  private final Deque<Frame> stack = new ArrayDeque<>();
  private Reached next;

  private record Frame(Iterator<Lineage.Link> links, int depth, List<String> via) {}

  /**
   * @param direct the devices built directly with the start, at depth 1, each once
   * @param isDirect whether a serial is one of {@code direct} (it is then not listed again deeper)
   * @param maxDepth the deepest level listed
   * @param start serials never to list (the component a where-used starts from)
   */
  public DeepLineage(
      Iterator<Lineage.Link> direct,
      Predicate<String> isDirect,
      Parents parents,
      int maxDepth,
      Set<String> start) {
    this.direct = direct;
    this.isDirect = isDirect;
    this.parents = parents;
    this.maxDepth = maxDepth;
    this.seen.addAll(start);
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      Frame top = stack.peek();
      if (top == null) {
        if (!direct.hasNext()) {
          return false;
        }
        Lineage.Link link = direct.next();
        next = reach(link, 1, List.of());
      } else if (!top.links().hasNext()) {
        stack.pop();
      } else {
        Lineage.Link link = top.links().next();
        if (!isDirect.test(link.serial()) && seen.add(link.serial())) {
          next = reach(link, top.depth(), top.via());
        }
      }
    }
    return true;
  }

  @Override
  public Reached next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Reached reached = next;
    next = null;
    return reached;
  }

  private Reached reach(Lineage.Link link, int depth, List<String> via) {
    if (depth < maxDepth) {
      List<String> onward = new ArrayList<>(via);
      onward.add(link.serial());
      stack.push(new Frame(parents.of(link.serial()).iterator(), depth + 1, List.copyOf(onward)));
    }
    return new Reached(link.serial(), link.parts(), depth, via);
  }
}
