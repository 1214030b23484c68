package io.sealtrail.system.multinode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Restarts an instance that exits, as deploy/'s {@code restart: unless-stopped} (and a Kubernetes
 * Deployment) does: a service that cannot go on exits on purpose so that it is restarted. Checks
 * once a second; a restarted instance logs to {@code <name>-restart<n>.log}.
 */
final class Supervisor implements AutoCloseable {
  private record Spec(
      String module, Map<String, String> env, List<String> launcher, String host, int port) {}

  private final Path logs;
  private final Consumer<String> note;
  private final Map<String, Spec> specs = new ConcurrentHashMap<>();
  private final Map<String, ServiceProcess> current = new ConcurrentHashMap<>();
  private final List<ServiceProcess> all = new ArrayList<>(); // guarded by itself
  private final Thread thread = new Thread(this::watch, "supervisor");
  private volatile boolean running = true;

  Supervisor(Path logs, Consumer<String> note) {
    this.logs = logs;
    this.note = note;
    thread.setDaemon(true);
  }

  /** Starts instance {@code name} (see {@link ServiceProcess#start}) and keeps it running. */
  ServiceProcess start(
      String name,
      String module,
      Map<String, String> env,
      List<String> launcher,
      String host,
      int port)
      throws IOException {
    var spec = new Spec(module, Map.copyOf(env), List.copyOf(launcher), host, port);
    specs.put(name, spec);
    return launch(name, name, spec);
  }

  private ServiceProcess launch(String name, String logName, Spec spec) throws IOException {
    ServiceProcess process =
        ServiceProcess.start(
            logName, spec.module(), spec.env(), spec.launcher(), spec.host(), spec.port(), logs);
    current.put(name, process);
    synchronized (all) {
      all.add(process);
    }
    return process;
  }

  /** From now on, restarts what exits. */
  void watch() {
    if (Thread.currentThread() != thread) {
      thread.start();
      return;
    }
    Map<String, Integer> restarts = new ConcurrentHashMap<>();
    while (running) {
      for (var entry : current.entrySet()) {
        String name = entry.getKey();
        ServiceProcess process = entry.getValue();
        if (!process.alive() && running) {
          int n = restarts.merge(name, 1, Integer::sum);
          try {
            launch(name, name + "-restart" + n, specs.get(name));
            note.accept(
                name
                    + " exited with "
                    + process.exitValue()
                    + " (see "
                    + process.name()
                    + ".log); restarted as restart: unless-stopped would");
          } catch (IOException e) {
            note.accept(name + " exited and could not be restarted: " + e.getMessage());
          }
        }
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The running instance named {@code name}. */
  ServiceProcess current(String name) {
    return current.get(name);
  }

  /** Stops watching and stops every instance it started, all at once. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    if (thread.isAlive()) {
      thread.join(5_000);
    }
    List<ServiceProcess> processes;
    synchronized (all) {
      processes = List.copyOf(all);
    }
    processes.forEach(ServiceProcess::terminate);
    processes.forEach(ServiceProcess::close);
  }
}
