package dev.ferry.controller.volumes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

/** A volume's worth of files with the cases a copy must keep: small and large files, links, owners, modes. */
final class VolumeTrees {
  static final int LARGE = 8 * 1024 * 1024;

  private VolumeTrees() {
  }

  static void populate(Path root) throws IOException {
    Path docs = Files.createDirectories(root.resolve("docs"));
    for (int i = 0; i < 40; i++) {
      Files.writeString(docs.resolve("file-" + i + ".txt"), "document " + i + "\n".repeat(i));
    }
    byte[] large = new byte[LARGE];
    new Random(42).nextBytes(large);
    Files.write(root.resolve("large.bin"), large);
    Files.createSymbolicLink(root.resolve("latest"), Path.of("large.bin"));
    Files.createLink(docs.resolve("hard-link.txt"), docs.resolve("file-0.txt"));
    Path secret = Files.writeString(root.resolve("secret.key"), "not really a key");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Files.setAttribute(secret, "unix:uid", 1234);
    Files.setAttribute(secret, "unix:gid", 5678);
    Path scripts = Files.createDirectories(root.resolve("scripts"));
    Path run = Files.writeString(scripts.resolve("run.sh"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-x---"));
    Files.createDirectories(root.resolve("empty"));
  }

  /** A small change: one file edited, one added, one removed. */
  static void change(Path root) throws IOException {
    Files.writeString(root.resolve("docs/file-1.txt"), "edited after the first stage\n");
    Files.writeString(root.resolve("docs/new.txt"), "added after the first stage\n");
    Files.delete(root.resolve("docs/file-2.txt"));
  }
}
