package dev.ferry.cli.hook;

import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.hook.MigHookSpec;
import dev.ferry.cli.migration.MigrationTable;
import dev.ferry.cli.output.MigrationFormat;
import dev.ferry.cli.output.ObjectView;
import dev.ferry.cli.output.TabAligner;
import dev.ferry.cli.output.VeleroFormat;
import java.time.Clock;

/** {@code ferry hook get|describe}: NAME, READY, IMAGE, TARGET, DEADLINE, AGE. Pure. */
public final class HookView implements ObjectView<MigHook> {
  @Override
  public Class<MigHook> type() {
    return MigHook.class;
  }

  @Override
  public String noun() {
    return "hook";
  }

  @Override
  public String command() {
    return "hook";
  }

  @Override
  public String[] headers() {
    return new String[] {"NAME", "READY", "IMAGE", "TARGET", "DEADLINE", "AGE"};
  }

  @Override
  public String[] row(MigHook hook, Clock clock) {
    MigHookSpec spec = spec(hook);
    return new String[] {hook.getMetadata().getName(), ObjectView.readyColumn(hook.getStatus()), image(spec),
        spec.getTargetCluster() == null ? "" : spec.getTargetCluster().value(), deadline(spec),
        MigrationTable.age(hook.getMetadata().getCreationTimestamp(), clock)};
  }

  @Override
  public String describe(MigHook hook) {
    MigHookSpec spec = spec(hook);
    TabAligner d = new TabAligner();
    d.printf("Name:\t%s\n", hook.getMetadata().getName());
    d.printf("Namespace:\t%s\n", MigrationFormat.nullToEmpty(hook.getMetadata().getNamespace()));
    d.printf("Custom image:\t%s\n", Boolean.TRUE.equals(spec.getCustom()) ? "yes" : "no (Ansible playbook)");
    d.printf("Image:\t%s\n", image(spec));
    d.printf("Playbook:\t%s\n", spec.getPlaybook() == null || spec.getPlaybook().isBlank() ? VeleroFormat.NONE
        : "set (" + spec.getPlaybook().length() + " base64 characters)");
    d.printf("Target cluster:\t%s\n", spec.getTargetCluster() == null ? VeleroFormat.NONE
        : spec.getTargetCluster().value());
    d.printf("Deadline:\t%s\n", deadline(spec));
    d.printf("Ready:\t%s\n", ObjectView.readyColumn(hook.getStatus()));
    return d.aligned() + "\nConditions:\n" + ObjectView.conditions(hook.getStatus());
  }

  /** The image the job runs: the custom one, or the default runner for a playbook. */
  private static String image(MigHookSpec spec) {
    if (spec.getImage() != null && !spec.getImage().isBlank()) {
      return spec.getImage();
    }
    return Boolean.TRUE.equals(spec.getCustom()) ? "" : "(default hook runner)";
  }

  private static String deadline(MigHookSpec spec) {
    return (spec.getActiveDeadlineSeconds() == null ? 1800 : spec.getActiveDeadlineSeconds()) + "s";
  }

  private static MigHookSpec spec(MigHook hook) {
    return hook.getSpec() == null ? new MigHookSpec() : hook.getSpec();
  }
}
