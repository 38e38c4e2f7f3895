package dev.ferry.volumes.direct;

import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.TreeScanner;
import dev.ferry.volumes.fs.TreeVerifier;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The receiver's resume area, {@code <destination>/.ferry-partial}: for every large file being
 * received, {@code <key>.data} (the file so far, at its final offsets) and {@code <key>.journal}
 * (a header naming path, size and mtime, then one (offset, length) record per frame written).
 * The key hashes path+size+mtime, so a file that changed on the source starts over. A frame is
 * journaled after it is written, so the journal never claims data that is not in the file.
 * Small files and delta rebuilds use {@code tmp-*} files, discarded when a session starts.
 */
final class PartialArea {
  private final Path dir;

  record Partial(String path, long size, FileTime mtime, RangeSet done) {
  }

  PartialArea(Path root) {
    this.dir = root.resolve(TreeScanner.PARTIAL_AREA);
  }

  Path dir() {
    return dir;
  }

  Path ensure() throws IOException {
    return Files.createDirectories(dir);
  }

  static String key(String path, long size, FileTime mtime) {
    String s = path + "\0" + size + "\0" + mtime.toInstant();
    return HexFormat.of().formatHex(TreeVerifier.newSha256().digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
  }

  Path dataFile(String key) {
    return dir.resolve(key + ".data");
  }

  Path journalFile(String key) {
    return dir.resolve(key + ".journal");
  }

  Path tempFile(String name) {
    return dir.resolve("tmp-" + name);
  }

  /** Partials with a readable journal and data file, by path. Unreadable ones are deleted. */
  Map<String, Partial> scan() throws IOException {
    Map<String, Partial> out = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.journal")) {
      for (Path journal : ds) {
        Partial p = readJournal(journal);
        String name = journal.getFileName().toString();
        Path data = dir.resolve(name.substring(0, name.length() - ".journal".length()) + ".data");
        if (p == null || !Files.exists(data)) {
          Files.deleteIfExists(journal);
          Files.deleteIfExists(data);
        } else {
          out.put(p.path(), p);
        }
      }
    }
    return out;
  }

  static Partial readJournal(Path journal) throws IOException {
    try (InputStream raw = Files.newInputStream(journal);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      String path;
      long size;
      FileTime mtime;
      try {
        path = in.readUTF();
        size = in.readLong();
        mtime = FileTime.from(Instant.ofEpochSecond(in.readLong(), in.readInt()));
      } catch (EOFException e) {
        return null; // header never completed: nothing usable
      }
      RangeSet done = new RangeSet();
      while (true) {
        long offset;
        int length;
        try {
          offset = in.readLong();
          length = in.readInt();
        } catch (EOFException e) {
          break; // a record cut short by a kill: ignore it, its frame is resent
        }
        if (offset < 0 || length < 0 || offset + length > size) {
          return null;
        }
        done.add(offset, offset + length);
      }
      return new Partial(path, size, mtime, done);
    }
  }

  /** Drops temp files of earlier sessions and partials that no longer match a source file. */
  void cleanUp(Map<String, FileEntry> sourceByPath) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Map<String, Partial> partials = scan();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (p.getFileName().toString().startsWith("tmp-")) {
          Files.deleteIfExists(p);
        }
      }
    }
    for (Partial p : partials.values()) {
      FileEntry e = sourceByPath.get(p.path());
      if (e == null || e.size() != p.size() || !e.mtime().equals(p.mtime()) || !e.hasOwnContent()) {
        String key = key(p.path(), p.size(), p.mtime());
        Files.deleteIfExists(journalFile(key));
        Files.deleteIfExists(dataFile(key));
      }
    }
  }

  /** Removes the whole area (after a completed transfer). */
  void deleteAll() throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }
}
