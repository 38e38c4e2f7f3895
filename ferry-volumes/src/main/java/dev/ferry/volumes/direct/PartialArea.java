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
 * (a header naming path, size, mtime and the machine's boot id, then one (offset, length) record
 * per frame written, and now and then a checkpoint (-1, n): "the first n records are on stable
 * storage"). The key hashes path+size+mtime, so a file that changed on the source starts over.
 *
 * <p>A frame is journaled after it is written, so within one boot (a killed mover, a cut
 * connection: the page cache survives) every record is true. After a machine crash only records
 * covered by a checkpoint are: a checkpoint is written after the data file was fsync'd, and
 * names how many records existed before that fsync began. Small files and delta rebuilds use
 * {@code tmp-*} files, discarded when a session starts.
 */
final class PartialArea {
  /** First field of a journal (format 2: boot id and checkpoints). */
  static final int JOURNAL_MAGIC = 0x464A4E32; // "FJN2"
  /** The offset field of a checkpoint record. */
  static final long CHECKPOINT = -1;

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

  /** This boot of the machine; a journal written in another boot trusts only its checkpoints. */
  static final String BOOT_ID = bootId();

  private static String bootId() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown-" + java.util.UUID.randomUUID(); // never equal: only checkpoints are trusted
    }
  }

  static Partial readJournal(Path journal) throws IOException {
    return readJournal(journal, BOOT_ID);
  }

  static Partial readJournal(Path journal, String currentBoot) throws IOException {
    try (InputStream raw = Files.newInputStream(journal);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      String path;
      long size;
      FileTime mtime;
      String boot;
      try {
        if (in.readInt() != JOURNAL_MAGIC) {
          return null; // another format (an older mover): start the file over
        }
        path = in.readUTF();
        size = in.readLong();
        mtime = FileTime.from(Instant.ofEpochSecond(in.readLong(), in.readInt()));
        boot = in.readUTF();
      } catch (EOFException e) {
        return null; // header never completed: nothing usable
      }
      java.util.List<long[]> records = new java.util.ArrayList<>();
      int durable = 0;
      while (true) {
        long offset;
        int length;
        try {
          offset = in.readLong();
          length = in.readInt();
        } catch (EOFException e) {
          break; // a record cut short by a kill: ignore it, its frame is resent
        }
        if (offset == CHECKPOINT && length >= 0 && length <= records.size()) {
          durable = Math.max(durable, length);
          continue;
        }
        if (offset < 0 || length < 0 || offset + length > size) {
          return null;
        }
        records.add(new long[] {offset, offset + length});
      }
      int trusted = boot.equals(currentBoot) ? records.size() : durable;
      RangeSet done = new RangeSet();
      for (int i = 0; i < trusted; i++) {
        done.add(records.get(i)[0], records.get(i)[1]);
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
