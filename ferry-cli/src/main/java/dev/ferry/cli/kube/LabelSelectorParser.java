package dev.ferry.cli.kube;

import dev.ferry.cli.UserError;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --selector} as kubectl does: comma-separated terms {@code k=v}, {@code k==v},
 * {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)}, {@code k} and {@code !k}.
 */
public final class LabelSelectorParser {
  /** An optional DNS-subdomain prefix and a name, as in {@code app.kubernetes.io/name}. */
  private static final String KEY =
      "(?:[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?";
  private static final String VALUE = "(?:[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?";
  private static final Pattern EQUALS =
      Pattern.compile("(?<key>" + KEY + ")\\s*(?<op>==|=|!=)\\s*(?<value>" + VALUE + ")");
  private static final Pattern SET =
      Pattern.compile("(?<key>" + KEY + ")\\s+(?<op>in|notin)\\s*\\((?<values>[^()]*)\\)");
  private static final Pattern EXISTS = Pattern.compile("(?<not>!?)\\s*(?<key>" + KEY + ")");
  private static final Pattern VALUE_ONLY = Pattern.compile(VALUE);

  private LabelSelectorParser() {
  }

  public static LabelSelector parse(String text) {
    Map<String, String> matchLabels = new LinkedHashMap<>();
    List<LabelSelectorRequirement> expressions = new ArrayList<>();
    for (String raw : terms(text)) {
      String term = raw.strip();
      Matcher m;
      if ((m = SET.matcher(term)).matches()) {
        List<String> values = Arrays.stream(m.group("values").split(",")).map(String::strip).filter(v -> !v.isEmpty())
            .toList();
        if (values.isEmpty() || !values.stream().allMatch(v -> VALUE_ONLY.matcher(v).matches())) {
          throw bad(term);
        }
        expressions.add(requirement(m.group("key"), m.group("op").equals("in") ? "In" : "NotIn", values));
      } else if ((m = EQUALS.matcher(term)).matches()) {
        String key = m.group("key");
        String value = m.group("value");
        if (m.group("op").equals("!=")) {
          expressions.add(requirement(key, "NotIn", List.of(value)));
        } else if (matchLabels.containsKey(key) && !matchLabels.get(key).equals(value)) {
          throw new UserError("--selector: " + key + " cannot equal both " + matchLabels.get(key) + " and " + value);
        } else {
          matchLabels.put(key, value);
        }
      } else if ((m = EXISTS.matcher(term)).matches()) {
        expressions.add(requirement(m.group("key"), m.group("not").isEmpty() ? "Exists" : "DoesNotExist", null));
      } else {
        throw bad(term);
      }
    }
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(matchLabels.isEmpty() ? null : matchLabels);
    selector.setMatchExpressions(expressions.isEmpty() ? null : expressions);
    return selector;
  }

  /** Splits on commas outside parentheses, so {@code env in (a,b),tier=web} is two terms. */
  private static List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        terms.add(text.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(text.substring(start));
    if (depth != 0 || terms.stream().anyMatch(String::isBlank)) {
      throw new UserError("--selector: '" + text + "' is not a label selector (e.g. app=shop,tier in (web,api))");
    }
    return terms;
  }

  private static LabelSelectorRequirement requirement(String key, String operator, List<String> values) {
    LabelSelectorRequirement r = new LabelSelectorRequirement();
    r.setKey(key);
    r.setOperator(operator);
    r.setValues(values == null ? null : new ArrayList<>(values));
    return r;
  }

  private static UserError bad(String term) {
    return new UserError("--selector: '" + term + "' is not a label selector term; use k=v, k!=v, k in (a,b), "
        + "k notin (a,b), k or !k");
  }
}
