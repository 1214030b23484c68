package io.sealtrail.cli.demo;

/**
 * Decides when the alerts have settled once every case is detected: spikes close a window later
 * than the case's own alert, so the false-alert check waits until no alert arrived during {@value
 * #QUIET_TICKS} consecutive ticks (the demo's polls, 5 s apart), or {@value #MAX_TICKS} ticks at
 * the most.
 */
final class Settling {
  static final int QUIET_TICKS = 2;
  static final int MAX_TICKS = 12;

  private long lastReceived = -1;
  private int quiet;
  private int ticks;

  /** Called once a tick with how many alert versions the watch has received in all. */
  boolean settled(long received) {
    quiet = received == lastReceived ? quiet + 1 : 0;
    lastReceived = received;
    return quiet >= QUIET_TICKS || ++ticks > MAX_TICKS;
  }
}
