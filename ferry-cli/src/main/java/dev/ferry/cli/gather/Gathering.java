package dev.ferry.cli.gather;

import dev.ferry.controller.logging.reader.Redaction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * What a must-gather collected, file by file, and the archive it becomes. Every text is
 * redacted on the way in: every known secret value (and its base64 form) is masked, then
 * {@link Redaction}'s patterns (tokens, keys, passwords) apply. Nothing reaches the archive
 * unredacted, whichever collector added it.
 */
public final class Gathering {
  private final Map<String, String> files = new LinkedHashMap<>();
  private final Set<String> secrets = new LinkedHashSet<>();
  private final List<String> notes = new ArrayList<>();

  /** Values to mask wherever they appear; values shorter than 4 characters would mask ordinary text and are skipped. */
  public void secretValue(String value) {
    if (value == null || value.strip().length() < 4) {
      return;
    }
    secrets.add(value);
    secrets.add(value.strip());
    secrets.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
  }

  public void add(String path, String text) {
    files.put(path, redact(text == null ? "" : text));
  }

  /** Something that could not be collected; listed in {@code gather-notes.txt}. */
  public void note(String message) {
    notes.add(redact(message));
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }

  public Map<String, String> files() {
    return Map.copyOf(files);
  }

  String redact(String text) {
    String out = text;
    // Longest first: a secret containing another is masked whole.
    List<String> ordered = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    for (String secret : ordered) {
      out = out.replace(secret, Redaction.MASK);
    }
    return Redaction.redact(out);
  }

  /** Writes {@code <dir>/<name>}: a gzipped tar of every file under {@code top/}, plus the notes. */
  public Path writeArchive(Path dir, String name, String top) throws IOException {
    Files.createDirectories(dir);
    Path archive = dir.resolve(name);
    Map<String, String> all = new LinkedHashMap<>(files);
    if (!notes.isEmpty()) {
      all.put("gather-notes.txt", String.join("\n", notes) + "\n");
    }
    try (OutputStream out = Files.newOutputStream(archive);
         TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, String> file : all.entrySet()) {
        byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(top + "/" + file.getKey());
        entry.setSize(bytes.length);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return archive;
  }
}
