package dev.ferry.backup.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.GroupResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A backup extracted to disk, indexed like Velero's archive parser: the resources present and,
 * per resource, one {@link ItemRef} per object. When an object is stored more than once, the copy
 * under {@code <version>-preferredversion/} wins, then the plain copy, then the most preferred
 * other {@code <version>/} directory (Velero writes those for non-preferred versions when
 * EnableAPIGroupVersions is on).
 */
public final class ExtractedBackup {

  private final Path root;
  private final String formatVersion;
  private final SortedMap<GroupResource, List<ItemRef>> items;
  private final BackupLimits limits;
  private final ObjectMapper mapper;

  private ExtractedBackup(Path root, String formatVersion,
      SortedMap<GroupResource, List<ItemRef>> items, BackupLimits limits) {
    this.root = root;
    this.formatVersion = formatVersion;
    this.items = items;
    this.limits = limits;
    this.mapper = limits.mapper();
  }

  /** Indexes an already-extracted backup directory, reading items within the default limits. */
  public static ExtractedBackup open(Path root, String formatVersion) throws IOException {
    return open(root, formatVersion, BackupLimits.defaults());
  }

  /** Indexes an already-extracted backup directory; items are read within {@code limits}. */
  public static ExtractedBackup open(Path root, String formatVersion, BackupLimits limits)
      throws IOException {
    Path resources = root.resolve(TarballPaths.RESOURCES_DIR);
    SortedMap<GroupResource, List<ItemRef>> index = new TreeMap<>();
    if (Files.isDirectory(resources)) {
      for (Path dir : children(resources)) {
        if (Files.isDirectory(dir)) {
          GroupResource gr = groupResource(dir);
          List<ItemRef> refs = indexResource(gr, dir);
          if (!refs.isEmpty()) {
            index.put(gr, refs);
          }
        }
      }
    }
    return new ExtractedBackup(root, formatVersion, Collections.unmodifiableSortedMap(index), limits);
  }

  public Path root() {
    return root;
  }

  /** The {@code metadata/version} content, e.g. {@code 1.1.0}. */
  public String formatVersion() {
    return formatVersion;
  }

  /** Resources with at least one item, in qualified-name order. */
  public List<GroupResource> groupResources() {
    return List.copyOf(items.keySet());
  }

  /** The items of one resource: cluster-scoped first, then by namespace and name. */
  public List<ItemRef> items(GroupResource groupResource) {
    return items.getOrDefault(groupResource, List.of());
  }

  public int itemCount() {
    return items.values().stream().mapToInt(List::size).sum();
  }

  /** The item's tar entry name, e.g. {@code resources/configmaps/namespaces/shop/web.json}. */
  public String entryName(ItemRef ref) {
    return root.relativize(ref.path()).toString().replace(java.io.File.separatorChar, '/');
  }

  /**
   * Reads one item's JSON, within the limits: an item that is too large, nested too deeply, holds
   * a string too long, or is not one JSON object is a {@link BackupFormatException} naming the
   * entry (and the limit, with how to raise it).
   */
  public ObjectNode read(ItemRef ref) {
    String entry = entryName(ref);
    byte[] data;
    try {
      if (Files.size(ref.path()) > limits.maxItemBytes()) {
        throw new BackupFormatException("backup entry " + entry + " is larger than "
            + BackupLimits.refusal(BackupLimits.ITEM, limits.maxItemBytes(), "bytes"));
      }
      data = Files.readAllBytes(ref.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read backup item " + ref.path(), e);
    }
    JsonNode node;
    try {
      node = mapper.readTree(data);
    } catch (StreamConstraintsException e) {
      throw new BackupFormatException("backup entry " + entry + " " + constraint(e), e);
    } catch (JsonProcessingException e) {
      throw new BackupFormatException("backup entry " + entry + " is not valid JSON: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new BackupFormatException("backup entry " + entry + " is not a JSON object but "
        + (node == null || node.isMissingNode() ? "empty" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
  }

  /** Jackson names its own knob; say which restore limit was hit and how to raise it. */
  private String constraint(StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("nesting depth")) {
      return "nests deeper than " + BackupLimits.refusal(BackupLimits.DEPTH, limits.maxJsonDepth(), "levels");
    }
    if (message.contains("String value length")) {
      return "holds a string longer than "
          + BackupLimits.refusal(BackupLimits.STRING, limits.maxStringLength(), "characters");
    }
    if (message.contains("Document length")) {
      return "is larger than " + BackupLimits.refusal(BackupLimits.ITEM, limits.maxItemBytes(), "bytes");
    }
    return "exceeds a parser limit: " + message;
  }

  private static GroupResource groupResource(Path dir) {
    String name = dir.getFileName().toString();
    try {
      return GroupResource.parse(name);
    } catch (IllegalArgumentException e) {
      throw new BackupFormatException("backup has an invalid resource directory resources/" + name,
          e);
    }
  }

  /** Collects each object's copies, keyed by namespace/name, then picks the best copy. */
  private static List<ItemRef> indexResource(GroupResource gr, Path dir) throws IOException {
    String preferredVersion = null;
    List<String> otherVersions = new ArrayList<>();
    for (Path sub : children(dir)) {
      String name = sub.getFileName().toString();
      if (!Files.isDirectory(sub) || name.equals(TarballPaths.CLUSTER_DIR)
          || name.equals(TarballPaths.NAMESPACES_DIR)) {
        continue;
      }
      if (name.endsWith(TarballPaths.PREFERRED_SUFFIX)) {
        preferredVersion = name.substring(0, name.length() - TarballPaths.PREFERRED_SUFFIX.length());
      } else {
        otherVersions.add(name);
      }
    }
    otherVersions.sort(KubeVersions.PREFERRED_FIRST);

    // Insertion order = priority: the first copy seen of an object is kept.
    Map<String, ItemRef> best = new LinkedHashMap<>();
    if (preferredVersion != null) {
      collect(gr, dir.resolve(preferredVersion + TarballPaths.PREFERRED_SUFFIX), preferredVersion,
          best);
    }
    collect(gr, dir, preferredVersion, best);
    for (String version : otherVersions) {
      collect(gr, dir.resolve(version), version, best);
    }
    List<ItemRef> refs = new ArrayList<>(best.values());
    refs.sort(ItemRef.ORDER);
    return List.copyOf(refs);
  }

  /** Adds the items under {@code scopeRoot/cluster} and {@code scopeRoot/namespaces/<ns>}. */
  private static void collect(GroupResource gr, Path scopeRoot, String version,
      Map<String, ItemRef> best) throws IOException {
    Path cluster = scopeRoot.resolve(TarballPaths.CLUSTER_DIR);
    if (Files.isDirectory(cluster)) {
      collectFiles(gr, cluster, null, version, best);
    }
    Path namespaces = scopeRoot.resolve(TarballPaths.NAMESPACES_DIR);
    if (Files.isDirectory(namespaces)) {
      for (Path ns : children(namespaces)) {
        if (Files.isDirectory(ns)) {
          collectFiles(gr, ns, ns.getFileName().toString(), version, best);
        }
      }
    }
  }

  private static void collectFiles(GroupResource gr, Path dir, String namespace, String version,
      Map<String, ItemRef> best) throws IOException {
    for (Path file : children(dir)) {
      String fileName = file.getFileName().toString();
      if (!Files.isRegularFile(file) || !fileName.endsWith(TarballPaths.JSON)
          || fileName.length() == TarballPaths.JSON.length()) {
        continue;
      }
      String name = fileName.substring(0, fileName.length() - TarballPaths.JSON.length());
      String key = (namespace == null ? "" : namespace) + "/" + name;
      best.putIfAbsent(key, new ItemRef(gr, namespace, name, version, file));
    }
  }

  private static List<Path> children(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Override
  public String toString() {
    return "ExtractedBackup{" + root + ", version " + formatVersion + ", " + itemCount()
        + " items in " + items.size() + " resources}";
  }
}
