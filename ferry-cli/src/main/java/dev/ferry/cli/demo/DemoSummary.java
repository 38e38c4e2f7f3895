package dev.ferry.cli.demo;

import dev.ferry.cli.output.MigrationFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo's closing table: the application as found on the source and on the destination, side
 * by side — object counts, replicas, claims and their volumes' data. Pure; it reports what the
 * snapshots hold, nothing more.
 */
public final class DemoSummary {
  private DemoSummary() {
  }

  static String text(String sourceCluster, AppSnapshot source, String destinationCluster, AppSnapshot destination) {
    List<String[]> rows = new ArrayList<>();
    Set<String> kinds = new LinkedHashSet<>(source.counts().keySet());
    kinds.addAll(destination.counts().keySet());
    for (String kind : kinds) {
      rows.add(new String[] {kind, count(source, kind), count(destination, kind)});
    }
    Set<String> workloads = new LinkedHashSet<>(source.replicas().keySet());
    workloads.addAll(destination.replicas().keySet());
    for (String workload : workloads) {
      rows.add(new String[] {workload + " replicas", source.replicas().getOrDefault(workload, "-"),
          destination.replicas().getOrDefault(workload, "-")});
    }
    if (source.registry() != null || destination.registry() != null) {
      rows.add(new String[] {"image registry", orDash(source.registry()), orDash(destination.registry())});
    }
    List<String> imageLabels = imageLabels(source, destination);
    for (String label : imageLabels) {
      AppSnapshot.Image s = image(source, label);
      AppSnapshot.Image d = image(destination, label);
      rows.add(new String[] {label, s == null ? "-" : shorten(s.reference()), d == null ? "-" : shorten(d.reference())});
      if ((s != null && s.served() != null) || (d != null && d.served() != null)) {
        rows.add(new String[] {"  registry serves", served(s), served(d)});
      }
    }
    int claims = Math.max(source.claims().size(), destination.claims().size());
    for (int i = 0; i < claims; i++) {
      AppSnapshot.Claim s = i < source.claims().size() ? source.claims().get(i) : null;
      AppSnapshot.Claim d = i < destination.claims().size() ? destination.claims().get(i) : null;
      rows.add(new String[] {"pvc", claim(s), claim(d)});
      rows.add(new String[] {"  volume", volume(s), volume(d)});
      rows.add(new String[] {"  data files / bytes", files(s), files(d)});
      rows.add(new String[] {"  data sha256", sha(s), sha(d)});
    }
    String[] headers = {"", "SOURCE " + sourceCluster + "/" + source.namespace(),
        "DESTINATION " + destinationCluster + "/" + destination.namespace()};
    StringBuilder out = new StringBuilder(MigrationFormat.table(headers, rows));
    for (String label : imageLabels) {
      AppSnapshot.Image s = image(source, label);
      AppSnapshot.Image d = image(destination, label);
      if (s == null || s.served() == null || d == null) {
        continue; // not an image of the source's registry: nothing migrated
      }
      String workload = label.substring(0, label.indexOf(" image"));
      if (s.served().equals(d.served())) {
        out.append("Image of ").append(workload).append(": the destination registry serves it with the source's digest ")
            .append(shortDigest(s.served())).append(".\n");
      } else {
        out.append("Image of ").append(workload).append(": ").append(d.served() == null
            ? "the destination registry does not serve it"
            : "the destination registry serves digest " + shortDigest(d.served()) + ", the source's is "
                + shortDigest(s.served())).append(".\n");
      }
    }
    AppSnapshot.Claim firstSource = source.claims().isEmpty() ? null : source.claims().get(0);
    AppSnapshot.Claim firstTarget = destination.claims().isEmpty() ? null : destination.claims().get(0);
    if (firstSource != null && firstSource.data() != null && firstTarget != null && firstTarget.data() != null) {
      out.append(firstSource.data().equals(firstTarget.data())
          ? "Volume data: identical on both sides.\n"
          : "Volume data: differs (source " + firstSource.data().files() + " files, destination "
              + firstTarget.data().files() + "): the destination volume does not hold the source's data.\n");
    }
    return out.toString();
  }

  /** One label per container image, in order: "deployment/shop image" (a second container: "… image 2"). */
  private static List<String> imageLabels(AppSnapshot source, AppSnapshot destination) {
    Set<String> labels = new LinkedHashSet<>(labels(source));
    labels.addAll(labels(destination));
    return List.copyOf(labels);
  }

  private static List<String> labels(AppSnapshot snapshot) {
    List<String> labels = new ArrayList<>();
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (AppSnapshot.Image image : snapshot.images()) {
      int n = seen.merge(image.workload(), 1, Integer::sum);
      labels.add(image.workload() + " image" + (n == 1 ? "" : " " + n));
    }
    return labels;
  }

  private static AppSnapshot.Image image(AppSnapshot snapshot, String label) {
    List<String> labels = labels(snapshot);
    int i = labels.indexOf(label);
    return i < 0 ? null : snapshot.images().get(i);
  }

  private static String served(AppSnapshot.Image image) {
    if (image == null) {
      return "-";
    }
    return image.served() == null ? "(not in its registry)" : shortDigest(image.served());
  }

  /** {@code sha256:} and the first 12 hex digits, as container tools print a digest. */
  static String shortDigest(String digest) {
    return digest.startsWith("sha256:") && digest.length() > 19 ? digest.substring(0, 19) : digest;
  }

  /** The reference with its digest shortened (the full one makes the table unreadable). */
  static String shorten(String reference) {
    int at = reference.indexOf("@sha256:");
    return at < 0 ? reference : reference.substring(0, at + 1) + shortDigest(reference.substring(at + 1));
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }

  private static String count(AppSnapshot snapshot, String kind) {
    if (!snapshot.exists()) {
      return "(no namespace)";
    }
    Integer count = snapshot.counts().get(kind);
    return count == null ? "-" : count.toString();
  }

  private static String claim(AppSnapshot.Claim claim) {
    return claim == null ? "-" : claim.name() + " " + claim.phase();
  }

  private static String volume(AppSnapshot.Claim claim) {
    return claim == null ? "-" : claim.volume().isEmpty() ? "(none bound)" : claim.volume();
  }

  private static String files(AppSnapshot.Claim claim) {
    if (claim == null) {
      return "-";
    }
    return claim.data() == null ? "(not a local directory)" : claim.data().files() + " / " + claim.data().bytes();
  }

  private static String sha(AppSnapshot.Claim claim) {
    if (claim == null || claim.data() == null) {
      return "-";
    }
    return claim.data().files() == 0 ? "(empty)" : claim.data().sha256().substring(0, 16);
  }
}
