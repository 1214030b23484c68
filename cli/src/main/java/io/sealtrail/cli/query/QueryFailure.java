package io.sealtrail.cli.query;

/**
 * Why a read could not be answered, said for a user, with the exit code it ends the command with:
 * {@value #REFUSED} for a refused token or something not found, {@value #UNAVAILABLE} for a service
 * that could not answer (retry later).
 */
public final class QueryFailure extends RuntimeException {
  public static final int REFUSED = 1;
  public static final int UNAVAILABLE = 2;

  private final int exitCode;

  QueryFailure(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
