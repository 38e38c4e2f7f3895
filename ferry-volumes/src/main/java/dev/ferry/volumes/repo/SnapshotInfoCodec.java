package dev.ferry.volumes.repo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Snapshot headers as Java properties text: readable with {@code cat}, escaped by the JDK (tag
 * values come from resource names), and sorted so the same header always has the same bytes and
 * therefore the same id.
 */
final class SnapshotInfoCodec {
  static final String FORMAT = "ferry-volume-snapshot/1";
  private static final String TAG = "tag.";

  private SnapshotInfoCodec() {
  }

  static byte[] encode(SnapshotInfo info) {
    Map<String, String> p = new TreeMap<>();
    p.put("format", FORMAT);
    p.put("time", info.time().toString());
    if (info.parentId() != null) {
      p.put("parent", info.parentId());
    }
    p.put("tree.sha256", info.treeSha256());
    p.put("entries", Long.toString(info.entries()));
    p.put("files", Long.toString(info.files()));
    p.put("bytes", Long.toString(info.bytes()));
    p.put("chunks", Long.toString(info.chunks()));
    p.put("bytesAdded", Long.toString(info.bytesAdded()));
    info.tags().forEach((k, v) -> p.put(TAG + k, v));
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : p.entrySet()) {
      out.append(escape(e.getKey(), true)).append('=').append(escape(e.getValue(), false)).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Parses a header whose id is {@code id}; {@code what} names the object in errors. */
  static SnapshotInfo decode(String id, byte[] bytes, String what) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw new RepositoryCorruptException(what + " does not parse: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(p.getProperty("format"))) {
      throw new RepositoryCorruptException(what + " has format '" + p.getProperty("format") + "', expected " + FORMAT
          + " (written by a newer Ferry?)");
    }
    Map<String, String> tags = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith(TAG)) {
        tags.put(name.substring(TAG.length()), p.getProperty(name));
      }
    }
    try {
      return new SnapshotInfo(id, Instant.parse(p.getProperty("time")), tags, p.getProperty("parent"),
          require(p, "tree.sha256", what), number(p, "entries"), number(p, "files"), number(p, "bytes"),
          number(p, "chunks"), number(p, "bytesAdded"));
    } catch (RuntimeException e) {
      if (e instanceof RepositoryCorruptException) {
        throw e;
      }
      throw new RepositoryCorruptException(what + " has a bad field: " + e.getMessage(), e);
    }
  }

  private static String require(Properties p, String name, String what) {
    String v = p.getProperty(name);
    if (v == null) {
      throw new RepositoryCorruptException(what + " lacks " + name);
    }
    return v;
  }

  private static long number(Properties p, String name) {
    return Long.parseLong(p.getProperty(name, "0"));
  }

  /** Properties escaping: backslash before separators and comment marks, \\uXXXX for control characters. */
  private static String escape(String s, boolean key) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!' || (c == ' ' && (key || i == 0))) {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
