package dev.ferry.controller.logging.reader;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text Ferry shows or archives: bearer tokens, kubeconfig tokens and keys,
 * S3 / Azure / GCS keys, registry auths, passwords in URLs and {@code key=value} / {@code key: value}
 * pairs whose key names a secret. A second line of defence: Ferry's own code never logs secrets,
 * and must-gather also masks every value of the Secrets it can see. Pure.
 */
public final class Redaction {
  public static final String MASK = "<redacted>";
  private static final String SECRET_KEYS = "(?:token|sa[-_]?token|password|passwd|secret|secret[-_]?access[-_]?key"
      + "|access[-_]?key|account[-_]?key|aws_secret_access_key|aws_access_key_id|private[-_]?key|client[-_]key[-_]data"
      + "|auth|\\.?dockerconfigjson|\\.?dockercfg|credentials?|azure_storage_account_access_key|apikey|api[-_]key)";
  private static final List<Pattern> PATTERNS = List.of(
      // Authorization: Bearer xyz / Basic xyz
      Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"),
      // "token": "value", token: value, token=value, password="value"
      Pattern.compile("(?i)(\"?" + SECRET_KEYS + "\"?\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;}\"']+)"),
      // user:password@ in URLs
      Pattern.compile("(?i)(://[^/\\s:@]+:)[^@\\s/]+(@)"),
      // Azure connection strings
      Pattern.compile("(?i)(AccountKey=|SharedAccessSignature=|sig=)[^;&\\s\"]+"),
      // JWTs (service account tokens) anywhere
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
      // PEM private keys
      Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"));

  private Redaction() {
  }

  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (int i = 0; i < PATTERNS.size(); i++) {
      Matcher m = PATTERNS.get(i).matcher(out);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String replacement = switch (i) {
          case 0 -> m.group(1) + " " + MASK;
          case 1 -> m.group(1) + MASK;
          case 2 -> m.group(1) + MASK + m.group(2);
          case 3 -> m.group(1) + MASK;
          default -> MASK;
        };
        m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(sb);
      out = sb.toString();
    }
    return out;
  }
}
