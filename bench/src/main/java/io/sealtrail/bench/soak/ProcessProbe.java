package io.sealtrail.bench.soak;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Looks at another JVM from outside: its heap after the latest garbage collection (through its
 * local JMX agent, started by the attach API: no port, no option on the process), its resident size
 * and its open file descriptors (both from /proc).
 */
final class ProcessProbe implements AutoCloseable {
  private final long pid;
  private final JMXConnector connector;
  private final MBeanServerConnection beans;
  private final List<GarbageCollectorMXBean> collectors;
  private final Set<String> heapPools;

  private ProcessProbe(long pid, JMXConnector connector) throws IOException {
    this.pid = pid;
    this.connector = connector;
    this.beans = connector.getMBeanServerConnection();
    try {
      this.collectors =
          beans
              .queryNames(
                  new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"),
                  null)
              .stream()
              .map(name -> proxy(name.getCanonicalName(), GarbageCollectorMXBean.class))
              .toList();
      this.heapPools =
          beans
              .queryNames(
                  new ObjectName(ManagementFactory.MEMORY_POOL_MXBEAN_DOMAIN_TYPE + ",*"), null)
              .stream()
              .map(name -> proxy(name.getCanonicalName(), MemoryPoolMXBean.class))
              .filter(pool -> pool.getType() == MemoryType.HEAP)
              .map(MemoryPoolMXBean::getName)
              .collect(java.util.stream.Collectors.toSet());
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Attaches to the JVM {@code pid} and connects to its local management agent. */
  static ProcessProbe attach(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    return new ProcessProbe(pid, JMXConnectorFactory.connect(new JMXServiceURL(address)));
  }

  private <T> T proxy(String name, Class<T> type) {
    try {
      return ManagementFactory.newPlatformMXBeanProxy(beans, name, type);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The heap in use right after the most recent collection of any collector, in bytes (what
   * survived it: live data plus what the old generation has not been asked to free yet); -1 before
   * the first collection.
   */
  long heapAfterGcBytes() {
    GcInfo latest = null;
    for (GarbageCollectorMXBean collector : collectors) {
      GcInfo info = collector.getLastGcInfo();
      if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
        latest = info;
      }
    }
    if (latest == null) {
      return -1;
    }
    return latest.getMemoryUsageAfterGc().entrySet().stream()
        .filter(pool -> heapPools.contains(pool.getKey()))
        .mapToLong(pool -> pool.getValue().getUsed())
        .sum();
  }

  /**
   * Asks the process for a full collection ({@code System.gc()} through its memory bean) and
   * returns the heap that survived it, in bytes: the live heap.
   */
  long liveHeapBytes() {
    proxy(ManagementFactory.MEMORY_MXBEAN_NAME, java.lang.management.MemoryMXBean.class).gc();
    return heapAfterGcBytes();
  }

  /** Collections so far, over every collector. */
  long collections() {
    return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  /** VmRSS, in bytes; -1 once the process is gone. */
  long rssBytes() {
    try {
      return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
              .filter(line -> line.startsWith("VmRSS:"))
              .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
              .findFirst()
              .orElse(-1)
          * 1024;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Entries of /proc/&lt;pid&gt;/fd: files, sockets, pipes; -1 once the process is gone. */
  long openFiles() {
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
