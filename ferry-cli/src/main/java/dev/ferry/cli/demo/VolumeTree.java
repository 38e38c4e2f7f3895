package dev.ferry.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The regular files under a volume's directory: how many, how many bytes, and one SHA-256 over
 * their relative paths and contents (sorted), so two trees with the same files compare equal.
 */
public record VolumeTree(int files, long bytes, String sha256) {
  static final VolumeTree EMPTY = of(List.of());

  static VolumeTree of(Path root) {
    if (!Files.isDirectory(root)) {
      return EMPTY;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      return of(files.stream().map(f -> new Entry(root.relativize(f).toString().replace('\\', '/'), f)).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read volume directory " + root, e);
    }
  }

  private record Entry(String relative, Path file) {
  }

  private static VolumeTree of(List<Entry> entries) {
    MessageDigest tree = newDigest();
    long bytes = 0;
    for (Entry entry : entries.stream().sorted(java.util.Comparator.comparing(Entry::relative)).toList()) {
      MessageDigest file = newDigest();
      try (InputStream in = Files.newInputStream(entry.file())) {
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
          file.update(buffer, 0, n);
          bytes += n;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + entry.file(), e);
      }
      tree.update(entry.relative().getBytes(StandardCharsets.UTF_8));
      tree.update((byte) 0);
      tree.update(file.digest());
    }
    return new VolumeTree(entries.size(), bytes, HexFormat.of().formatHex(tree.digest()));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
