package dev.ferry.objectstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for 127.0.0.1, made with the JDK's keytool so no private key
 * is checked in: the PKCS#12 keystore a TLS server uses, and the PEM a client trusts.
 */
record TestCertificates(Path keystore, char[] password, String pem) {

  static TestCertificates create(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      Path keystore = dir.resolve(name + ".p12");
      String password = "changeit";
      keytool(List.of("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
          "-dname", "CN=" + name + ", O=Ferry tests", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
          "-ext", "BC:c=ca:true", "-keystore", keystore.toString(), "-storetype", "PKCS12",
          "-storepass", password, "-keypass", password));
      String pem = keytool(List.of("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(),
          "-storetype", "PKCS12", "-storepass", password));
      return new TestCertificates(keystore, password.toCharArray(), pem);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String keytool(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + args.get(0) + " failed:\n" + out);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      process.destroy();
    }
  }
}
