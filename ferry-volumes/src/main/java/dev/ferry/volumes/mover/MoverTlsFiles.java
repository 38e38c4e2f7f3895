package dev.ferry.volumes.mover;

import dev.ferry.volumes.direct.MigrationCertificates;
import dev.ferry.volumes.direct.TlsCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files of a transfer's TLS Secret, mounted at {@code --tls-dir} in the mover pods: the
 * per-transfer CA and each side's certificate and key (PEM). The controller writes them, and
 * {@code ferry mover send|receive} reads its own side's.
 */
public final class MoverTlsFiles {
  public static final String CA = "ca.crt";
  public static final String RECEIVER_CERT = "receiver.crt";
  public static final String RECEIVER_KEY = "receiver.key";
  public static final String SENDER_CERT = "sender.crt";
  public static final String SENDER_KEY = "sender.key";

  private MoverTlsFiles() {
  }

  public static Map<String, String> of(MigrationCertificates certificates) {
    return Map.of(CA, certificates.caCertPem(),
        RECEIVER_CERT, certificates.receiver().certPem(), RECEIVER_KEY, certificates.receiver().keyPem(),
        SENDER_CERT, certificates.sender().certPem(), SENDER_KEY, certificates.sender().keyPem());
  }

  /** What the receiver's Secret holds: the CA and the receiver's own certificate and key, not the sender's. */
  public static Map<String, String> receiverSide(Map<String, String> files) {
    return Map.of(CA, files.get(CA), RECEIVER_CERT, files.get(RECEIVER_CERT), RECEIVER_KEY, files.get(RECEIVER_KEY));
  }

  /** What the sender's Secret holds: the CA and the sender's own certificate and key. */
  public static Map<String, String> senderSide(Map<String, String> files) {
    return Map.of(CA, files.get(CA), SENDER_CERT, files.get(SENDER_CERT), SENDER_KEY, files.get(SENDER_KEY));
  }

  public static TlsCredentials receiver(Path directory) throws IOException {
    return new TlsCredentials(read(directory, CA), read(directory, RECEIVER_CERT), read(directory, RECEIVER_KEY));
  }

  public static TlsCredentials sender(Path directory) throws IOException {
    return new TlsCredentials(read(directory, CA), read(directory, SENDER_CERT), read(directory, SENDER_KEY));
  }

  /** Writes the files readable by their owner only. */
  public static void write(Path directory, Map<String, String> files) throws IOException {
    Files.createDirectories(directory);
    for (var file : files.entrySet()) {
      Path path = directory.resolve(file.getKey());
      Files.writeString(path, file.getValue());
      Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static String read(Path directory, String name) throws IOException {
    try {
      return Files.readString(directory.resolve(name));
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(directory.resolve(name).toString(), null,
          "missing from the TLS directory; it must hold " + CA + " and this side's certificate and key ("
              + RECEIVER_CERT + ", " + RECEIVER_KEY + " or " + SENDER_CERT + ", " + SENDER_KEY + ": the transfer's Secret)");
    }
  }
}
