package dev.ferry.backup.format;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ferry.backup.model.Gzip;
import dev.ferry.backup.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Velero's {@code <backup>-resource-list.json.gz}: gzipped JSON map from {@code <apiVersion>/<Kind>}
 * to the sorted {@code ns/name} (or, cluster-scoped, {@code name}) of every item backed up, e.g.
 * {@code {"apps/v1/Deployment":["shop/web"],"v1/Namespace":["shop"]}}. Velero's
 * {@code backup describe --details} prints it.
 */
public final class ResourceListFile {

  private final SortedMap<String, SortedSet<String>> entries = new TreeMap<>();

  /** Records one item; {@code namespace} null or "" for cluster-scoped. Duplicates are ignored. */
  public synchronized void add(String apiVersion, String kind, String namespace, String name) {
    String entry = namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    entries.computeIfAbsent(apiVersion + "/" + kind, k -> new TreeSet<>()).add(entry);
  }

  /** A sorted snapshot: {@code apiVersion/Kind} → sorted names. */
  public synchronized SortedMap<String, List<String>> entries() {
    SortedMap<String, List<String>> copy = new TreeMap<>();
    entries.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }

  public synchronized int size() {
    return entries.values().stream().mapToInt(SortedSet::size).sum();
  }

  /** The JSON text as Velero's Go encoder writes it: sorted keys, compact, trailing newline. */
  public String toJson() {
    try {
      return Json.MAPPER.writeValueAsString(entries()) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] toGzip() {
    return Gzip.compress(toJson().getBytes(StandardCharsets.UTF_8));
  }

  /** Writes the gzipped JSON to {@code out}, leaving it open. */
  public void write(OutputStream out) throws IOException {
    out.write(toGzip());
  }

  public static ResourceListFile read(InputStream in) throws IOException {
    Map<String, List<String>> map = Json.MAPPER.readValue(Gzip.decompress(in),
        new TypeReference<Map<String, List<String>>>() { });
    ResourceListFile file = new ResourceListFile();
    if (map != null) {
      map.forEach((key, names) -> file.entries.put(key,
          new TreeSet<>(names == null ? new ArrayList<>() : names)));
    }
    return file;
  }
}
