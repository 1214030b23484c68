package io.sealtrail.cli.signing;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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
    writeOwnerOnly(privateKey, Pem.writePrivateKey(pair.privateKeyPkcs8()));
    Files.writeString(
        publicKey, Pem.writePublicKey(pair.publicKeySpki()), StandardOpenOption.CREATE_NEW);
    out().println("private key: " + privateKey);
    out().println("public key:  " + publicKey);
    out().println("keyid: " + pair.keyId());
    return EXIT_OK;
  }

  // The permissions are set when the file is created, so the key is never readable by others, not
  // even briefly.
  private static void writeOwnerOnly(Path file, String content) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
    }
    Files.write(
        file, content.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.TRUNCATE_EXISTING);
  }
}
