package dev.ferry.backup.format;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes API version priority (as in apimachinery's CompareKubeAwareVersionStrings): GA before
 * beta before alpha, higher numbers first, and non-Kubernetes-looking versions last, alphabetically.
 */
final class KubeVersions {

  private static final Pattern KUBE = Pattern.compile("v(\\d{1,9})(?:(alpha|beta)(\\d{1,9}))?");

  /** Orders the most preferred version first. */
  static final Comparator<String> PREFERRED_FIRST = KubeVersions::compare;

  private KubeVersions() {
  }

  private static int compare(String a, String b) {
    Matcher ma = KUBE.matcher(a);
    Matcher mb = KUBE.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (!ka || !kb) {
      return ka ? -1 : kb ? 1 : a.compareTo(b);
    }
    int stability = Integer.compare(rank(mb.group(2)), rank(ma.group(2)));
    if (stability != 0) {
      return stability;
    }
    int major = Long.compare(Long.parseLong(mb.group(1)), Long.parseLong(ma.group(1)));
    if (major != 0 || ma.group(3) == null) {
      return major;
    }
    return Long.compare(Long.parseLong(mb.group(3)), Long.parseLong(ma.group(3)));
  }

  private static int rank(String stability) {
    return stability == null ? 2 : stability.equals("beta") ? 1 : 0;
  }
}
