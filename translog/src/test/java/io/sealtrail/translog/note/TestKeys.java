package io.sealtrail.translog.note;

/** The reference's test keys (never use outside tests). */
public final class TestKeys {
  public static final String ORIGIN = "sealtrail.example/log";
  public static final String LOG_PRIVATE =
      "PRIVATE+KEY+sealtrail.example/log+45faf2e2+ARV/sYWyxLm6o1hFvNkKcKlHSYYM5Ws9g6b+lyXOMUSN";
  public static final String LOG_VKEY =
      "sealtrail.example/log+45faf2e2+AZ/7NAGfodA+StLRUIVfqHdb4eQ8mRZjE0hckIlpoBau";

  /** The reference's signed checkpoint of the "leaf-i" tree of size 7 (189 bytes). */
  public static final String CHECKPOINT_7 =
      "sealtrail.example/log\n7\nCwB/uRXrmyoUb1SxyG7FO2ZPjkVbdmCwtu4T7cDZIcA=\n\n"
          + "\u2014 sealtrail.example/log Rfry4sN80MmuZs/B5zdBcjXYfStYp3lTsBIwcNCuQCGE44bz3KwBzdVcbs22"
          + "oECIH21/5LAx/Th0mWHdtQpaVMKLDAE=\n";

  public static final String NEUMANN_PRIVATE =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  public static final String NEUMANN_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

  private TestKeys() {}

  public static NoteSigner logSigner() {
    return NoteSigner.parsePrivateKey(LOG_PRIVATE);
  }
}
