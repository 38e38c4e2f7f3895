package dev.ferry.controller.hook.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.hook.MigHookSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a MigHook usable, as MTC judges it: a custom hook needs a valid image; an Ansible
 * hook (custom: false) needs a base64-encoded playbook that is a YAML list of plays; the hook must
 * say on which cluster it runs; a deadline, if set, must be positive. Each problem is one Critical
 * condition saying what to fix.
 */
public final class HookValidator {
  public static final String INVALID_IMAGE = "InvalidImage";
  public static final String INVALID_PLAYBOOK = "InvalidPlaybookData";
  public static final String INVALID_TARGET_CLUSTER = "InvalidTargetCluster";
  public static final String INVALID_DEADLINE = "InvalidActiveDeadlineSeconds";
  public static final String READY_MESSAGE = "The hook is ready.";

  /** registry[:port]/path[:tag][@digest], the shapes a container runtime accepts. */
  private static final Pattern IMAGE = Pattern.compile(
      "^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]+)?/)?"
          + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
          + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private HookValidator() {
  }

  public static List<Condition> validate(MigHookSpec spec) {
    List<Condition> out = new ArrayList<>();
    if (spec == null) {
      out.add(Condition.of(INVALID_TARGET_CLUSTER, Category.CRITICAL, "NotSet",
          "The hook has no spec: set spec.targetCluster and either spec.image (custom: true) or spec.playbook."));
      return out;
    }
    boolean custom = Boolean.TRUE.equals(spec.getCustom());
    if (custom || spec.getImage() != null) {
      String image = spec.getImage();
      if (image == null || image.isBlank()) {
        out.add(Condition.of(INVALID_IMAGE, Category.CRITICAL, "NotSet",
            "A custom hook (custom: true) runs spec.image, which is not set: set it to the hook's container image."));
      } else if (!IMAGE.matcher(image).matches()) {
        out.add(Condition.of(INVALID_IMAGE, Category.CRITICAL, "NotValid", "spec.image " + image
            + " is not a valid image reference: use registry/repository:tag or registry/repository@sha256:…"));
      }
    }
    if (!custom) {
      playbookProblem(spec.getPlaybook()).ifPresent(problem ->
          out.add(Condition.of(INVALID_PLAYBOOK, Category.CRITICAL, "NotValid", problem)));
    }
    if (spec.getTargetCluster() == null) {
      out.add(Condition.of(INVALID_TARGET_CLUSTER, Category.CRITICAL, "NotSet",
          "spec.targetCluster is not set: say where the hook runs, source or destination."));
    }
    if (spec.getActiveDeadlineSeconds() != null && spec.getActiveDeadlineSeconds() <= 0) {
      out.add(Condition.of(INVALID_DEADLINE, Category.CRITICAL, "NotValid", "spec.activeDeadlineSeconds is "
          + spec.getActiveDeadlineSeconds() + ": set a positive number of seconds, or remove it for the default 1800."));
    }
    return out;
  }

  private static java.util.Optional<String> playbookProblem(String playbook) {
    if (playbook == null || playbook.isBlank()) {
      return java.util.Optional.of("An Ansible hook (custom: false) runs spec.playbook, which is not set: set it to "
          + "the base64-encoded playbook, or set custom: true and an image.");
    }
    byte[] decoded;
    try {
      decoded = Base64.getMimeDecoder().decode(playbook.trim());
    } catch (IllegalArgumentException e) {
      return java.util.Optional.of("spec.playbook is not base64: encode the playbook file, e.g. base64 -w0 playbook.yml.");
    }
    try {
      JsonNode plays = YAML.readTree(new String(decoded, StandardCharsets.UTF_8));
      if (plays == null || !plays.isArray()) {
        return java.util.Optional.of("spec.playbook decodes to YAML that is not a list of plays: an Ansible playbook "
            + "is a list, e.g. '- hosts: localhost\\n  tasks: [...]'.");
      }
    } catch (java.io.IOException e) {
      return java.util.Optional.of("spec.playbook decodes to text that is not YAML (" + firstLine(e.getMessage())
          + "): fix the playbook and encode it again.");
    }
    return java.util.Optional.empty();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
