package dev.ferry.volumes.direct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Disjoint byte ranges [start, end) of a file, merged as they are added: what a partial file already holds. */
final class RangeSet {
  private final TreeMap<Long, Long> ranges = new TreeMap<>(); // start -> end

  void add(long start, long end) {
    if (end <= start) {
      return;
    }
    Map.Entry<Long, Long> before = ranges.floorEntry(start);
    if (before != null && before.getValue() >= start) {
      start = before.getKey();
      end = Math.max(end, before.getValue());
    }
    Map.Entry<Long, Long> next = ranges.ceilingEntry(start);
    while (next != null && next.getKey() <= end) {
      end = Math.max(end, next.getValue());
      ranges.remove(next.getKey());
      next = ranges.ceilingEntry(start);
    }
    ranges.put(start, end);
  }

  long covered() {
    long sum = 0;
    for (Map.Entry<Long, Long> e : ranges.entrySet()) {
      sum += e.getValue() - e.getKey();
    }
    return sum;
  }

  /** The ranges as [start, end] pairs, in order. */
  List<long[]> ranges() {
    List<long[]> out = new ArrayList<>();
    ranges.forEach((s, e) -> out.add(new long[] {s, e}));
    return out;
  }

  /** Gaps within [0, length): what is still missing. */
  List<long[]> missing(long length) {
    List<long[]> out = new ArrayList<>();
    long pos = 0;
    for (Map.Entry<Long, Long> e : ranges.entrySet()) {
      if (e.getKey() >= length) {
        break;
      }
      if (e.getKey() > pos) {
        out.add(new long[] {pos, e.getKey()});
      }
      pos = Math.max(pos, e.getValue());
    }
    if (pos < length) {
      out.add(new long[] {pos, length});
    }
    return out;
  }
}
