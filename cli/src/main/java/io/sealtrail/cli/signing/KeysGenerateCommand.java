package io.sealtrail.cli.signing;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sealtrail keys generate}: a new key pair as PEM files, the private one readable by its
 * owner only.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a signing key pair: NAME.key.pem (PKCS#8, owner-only) and NAME.pub.pem (SPKI).",
      "Prints the keyid to register with the partner registry."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:keys written", "2:invalid options or the files could not be written"})
final class KeysGenerateCommand extends FileCommand {
  @Option(
      names = "--alg",
      required = true,
      paramLabel = "ALG",
      description = "ed25519 or p256 (ECDSA P-256/SHA-256).")
  String algorithm;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write the key files to (created if missing).")
  Path dir;

  @Option(
      names = "--name",
      defaultValue = "partner",
      paramLabel = "NAME",
      description = "File name stem (default: ${DEFAULT-VALUE}).")
  String name;

  @Override
  int run() throws IOException {
    KeyAlgorithm alg = KeyAlgorithm.fromName(algorithm);
    KeyPairs.Generated pair = KeyPairs.generate(alg, new SecureRandom());
    Files.createDirectories(dir);
    Path privateKey = dir.resolve(name + ".key.pem");
    Path publicKey = dir.resolve(name + ".pub.pem");
    if (Files.exists(publicKey)) {
      // Checked first so that a refusal leaves no orphan private key behind.
      throw new FileAlreadyExistsException(publicKey.toString());
    }
    write(privateKey, Pem.writePrivateKey(pair.privateKeyPkcs8()), ownerOnly(privateKey));
    try {
      write(publicKey, Pem.writePublicKey(pair.publicKeySpki()));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(privateKey);
      throw e;
    }
    out().println("private key: " + privateKey);
    out().println("public key:  " + publicKey);
    out().println("keyid: " + pair.keyId());
    return EXIT_OK;
  }

  // Created and written through one channel, with its permissions from the start: the key is
  // never readable by others, not even briefly, and CREATE_NEW neither follows nor replaces a
  // symbolic link planted at the path.
  private static void write(Path file, String content, FileAttribute<?>... attributes)
      throws IOException {
    try (SeekableByteChannel channel =
        Files.newByteChannel(
            file,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            attributes)) {
      ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
  }

  private static FileAttribute<?> ownerOnly(Path file) throws IOException {
    Set<String> views = file.getFileSystem().supportedFileAttributeViews();
    if (views.contains("posix")) {
      return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
    if (views.contains("acl")) {
      UserPrincipal owner =
          file.getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName(System.getProperty("user.name"));
      AclEntry entry =
          AclEntry.newBuilder()
              .setType(AclEntryType.ALLOW)
              .setPrincipal(owner)
              .setPermissions(
                  AclEntryPermission.READ_DATA,
                  AclEntryPermission.WRITE_DATA,
                  AclEntryPermission.APPEND_DATA,
                  AclEntryPermission.READ_ATTRIBUTES,
                  AclEntryPermission.WRITE_ATTRIBUTES,
                  AclEntryPermission.READ_NAMED_ATTRS,
                  AclEntryPermission.WRITE_NAMED_ATTRS,
                  AclEntryPermission.READ_ACL,
                  AclEntryPermission.WRITE_ACL,
                  AclEntryPermission.DELETE,
                  AclEntryPermission.SYNCHRONIZE)
              .build();
      return new FileAttribute<List<AclEntry>>() {
        @Override
        public String name() {
          return "acl:acl";
        }

        @Override
        public List<AclEntry> value() {
          return List.of(entry);
        }
      };
    }
    throw new IOException(
        file
            + ": the file system supports neither POSIX permissions nor ACLs, so the private"
            + " key cannot be made readable by its owner only");
  }
}
