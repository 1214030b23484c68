package io.sealtrail.system.multinode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A private network of network namespaces: a bridge in the root namespace (holding {@code
 * <subnet>.1}, where this process is reached) and, per node, a namespace joined to it by a veth
 * pair. Cutting a node takes the root end of its veth pair down: nothing it sends arrives, nothing
 * reaches it, and its processes, sockets and state stay as they are (a partition, not a crash).
 * Needs root and iproute2.
 */
final class Netns implements AutoCloseable {
  private final String prefix;
  private final String subnet;
  private final String bridge;
  private final Map<String, String> addresses = new ConcurrentHashMap<>();
  private final List<String> namespaces = new ArrayList<>();
  private final List<String> veths = new ArrayList<>();

  /** Names start with {@code prefix} (a few letters); {@code subnet} is e.g. {@code 10.55.0}. */
  Netns(String prefix, String subnet) throws IOException, InterruptedException {
    this.prefix = prefix;
    this.subnet = subnet;
    this.bridge = prefix + "br";
    ip("link", "add", bridge, "type", "bridge");
    ip("addr", "add", hostAddress() + "/24", "dev", bridge);
    ip("link", "set", bridge, "up");
  }

  /** Where the root namespace (this process) is reached from the nodes. */
  String hostAddress() {
    return subnet + ".1";
  }

  /** Adds node {@code name} as {@code <subnet>.<host>} and returns its address. */
  String add(String name, int host) throws IOException, InterruptedException {
    String ns = namespace(name);
    String outside = veth(name);
    String inside = prefix + "i" + host;
    String address = subnet + "." + host;
    ip("netns", "add", ns);
    namespaces.add(ns);
    ip("link", "add", outside, "type", "veth", "peer", "name", inside);
    veths.add(outside);
    ip("link", "set", outside, "master", bridge);
    ip("link", "set", outside, "up");
    ip("link", "set", inside, "netns", ns);
    ip("-n", ns, "addr", "add", address + "/24", "dev", inside);
    ip("-n", ns, "link", "set", inside, "up");
    ip("-n", ns, "link", "set", "lo", "up");
    addresses.put(name, address);
    return address;
  }

  String address(String name) {
    return addresses.get(name);
  }

  /** The command prefix that runs a command inside {@code name}'s namespace. */
  List<String> launcher(String name) {
    return List.of("ip", "netns", "exec", namespace(name));
  }

  /** Cuts {@code name} off the network. */
  void cut(String name) throws IOException, InterruptedException {
    ip("link", "set", veth(name), "down");
  }

  /** Joins {@code name} to the network again. */
  void heal(String name) throws IOException, InterruptedException {
    ip("link", "set", veth(name), "up");
  }

  private String namespace(String name) {
    return prefix + "-" + name;
  }

  // Interface names are at most 15 characters.
  private String veth(String name) {
    return prefix + "v" + Integer.toHexString(name.hashCode() & 0xfffff);
  }

  static void ip(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output.strip());
    }
  }

  /**
   * Deletes the veth pairs, the namespaces and the bridge (a namespace lives on while a process is
   * in it, and its veth pair with it: hence the pairs first).
   */
  @Override
  public void close() {
    for (String veth : veths) {
      try {
        ip("link", "del", veth);
      } catch (IOException | InterruptedException e) {
        System.err.println("faults: could not delete " + veth + ": " + e.getMessage());
      }
    }
    for (String ns : namespaces) {
      try {
        ip("netns", "del", ns);
      } catch (IOException | InterruptedException e) {
        System.err.println("faults: could not delete namespace " + ns + ": " + e.getMessage());
      }
    }
    try {
      ip("link", "del", bridge);
    } catch (IOException | InterruptedException e) {
      System.err.println("faults: could not delete bridge " + bridge + ": " + e.getMessage());
    }
  }
}
