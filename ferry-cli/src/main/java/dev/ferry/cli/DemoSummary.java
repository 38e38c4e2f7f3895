package dev.ferry.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo's closing table: the application as found on the source and on the destination, side
 * by side — object counts, replicas, claims and their volumes' data. Pure; it reports what the
 * snapshots hold, nothing more.
 */
final class DemoSummary {
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
