package io.sealtrail.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What the run ran on, and how busy the machine was: other work shares these cores. */
public final class Machine {
  private Machine() {}

  public static String describe() {
    return String.format(
        Locale.ROOT,
        "%s, %d cores visible, %.1f GiB RAM; %s %s",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        memoryGiB(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
  }

  /** The 1, 5 and 15 minute load averages, e.g. {@code 1.52 1.10 0.98}. */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    return procLine("/proc/cpuinfo", "model name")
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .orElse("unknown CPU");
  }

  private static double memoryGiB() {
    return procLine("/proc/meminfo", "MemTotal:")
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0)
        .orElse(0.0);
  }

  /** The first line of a /proc file that starts with {@code prefix}. */
  private static Optional<String> procLine(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(prefix))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
