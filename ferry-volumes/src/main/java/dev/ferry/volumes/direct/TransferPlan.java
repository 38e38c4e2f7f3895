package dev.ferry.volumes.direct;

import dev.ferry.volumes.fs.FileEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sender must send, decided from the source tree, the receiver's scan and its
 * partial files (pure logic, no I/O):
 * <ul>
 *   <li>a file whose size and mtime match the destination's is unchanged (metadata is fixed up at the end);
 *   <li>a changed file that is large on both sides goes as a delta against the destination's copy;
 *   <li>anything else is sent raw, minus the ranges a partial file from an interrupted run already
 *       holds, in segments so large files spread over the parallel connections.
 * </ul>
 * Deltas come first (longest tasks), then segments of large files, then small files in path order.
 */
final class TransferPlan {
  sealed interface Task permits Range, Delta {
    int index();
  }

  /** Send bytes [offset, offset+length) of file {@code index} raw (length 0: just create/complete it). */
  record Range(int index, long offset, long length) implements Task {
  }

  /** Send file {@code index} as a delta against the destination's current copy. */
  record Delta(int index) implements Task {
  }

  final List<Task> tasks;
  final long filesTotal;
  final long bytesTotal;
  final long filesUnchanged;
  final long bytesUnchanged;
  /** Bytes of each file the tasks will account for (for per-file completion on the sender). */
  final Map<Integer, Long> bytesToSend;

  private TransferPlan(List<Task> tasks, long filesTotal, long bytesTotal, long filesUnchanged, long bytesUnchanged,
      Map<Integer, Long> bytesToSend) {
    this.tasks = tasks;
    this.filesTotal = filesTotal;
    this.bytesTotal = bytesTotal;
    this.filesUnchanged = filesUnchanged;
    this.bytesUnchanged = bytesUnchanged;
    this.bytesToSend = bytesToSend;
  }

  static TransferPlan of(List<FileEntry> source, List<FileEntry> destination,
      Map<String, PartialArea.Partial> partials, DirectOptions options) {
    Map<String, FileEntry> dest = new HashMap<>();
    destination.forEach(e -> dest.put(e.path(), e));
    List<Delta> deltas = new ArrayList<>();
    List<Range> large = new ArrayList<>();
    List<Range> small = new ArrayList<>();
    Map<Integer, Long> toSend = new HashMap<>();
    long filesTotal = 0;
    long bytesTotal = 0;
    long filesUnchanged = 0;
    long bytesUnchanged = 0;
    for (int i = 0; i < source.size(); i++) {
      FileEntry e = source.get(i);
      if (!e.hasOwnContent()) {
        continue;
      }
      filesTotal++;
      bytesTotal += e.size();
      FileEntry d = dest.get(e.path());
      boolean destIsFile = d != null && d.isFile() && d.hardLinkOf() == null;
      if (destIsFile && d.size() == e.size() && d.mtime().equals(e.mtime())) {
        filesUnchanged++;
        bytesUnchanged += e.size();
        continue;
      }
      if (destIsFile && d.size() >= options.deltaMinSize() && e.size() >= options.deltaMinSize()) {
        deltas.add(new Delta(i));
        toSend.put(i, e.size());
        continue;
      }
      PartialArea.Partial p = partials.get(e.path());
      List<long[]> missing;
      if (p != null && p.size() == e.size() && p.mtime().equals(e.mtime()) && e.size() > Protocol.FRAME) {
        missing = p.done().missing(e.size());
        bytesUnchanged += p.done().covered();
      } else {
        missing = List.of(new long[] {0, e.size()});
      }
      long sending = 0;
      List<Range> into = e.size() > options.segmentSize() ? large : small;
      for (long[] m : missing) {
        for (long off = m[0]; off < m[1]; off += options.segmentSize()) {
          long len = Math.min(options.segmentSize(), m[1] - off);
          into.add(new Range(i, off, len));
          sending += len;
        }
      }
      if (missing.isEmpty() || e.size() == 0) {
        into.add(new Range(i, 0, 0)); // nothing left to send: the receiver still completes and renames it
      }
      toSend.put(i, sending);
    }
    deltas.sort(Comparator.comparingLong((Delta t) -> source.get(t.index()).size()).reversed());
    List<Task> tasks = new ArrayList<>(deltas.size() + large.size() + small.size());
    tasks.addAll(deltas);
    tasks.addAll(large);
    tasks.addAll(small);
    return new TransferPlan(tasks, filesTotal, bytesTotal, filesUnchanged, bytesUnchanged, toSend);
  }
}
