package dev.ferry.controller.plan.model;

import static dev.ferry.controller.plan.model.PlanConditions.HOOK_NOT_READY;
import static dev.ferry.controller.plan.model.PlanConditions.HOOK_PHASE_DUPLICATE;
import static dev.ferry.controller.plan.model.PlanConditions.HOOK_PHASE_UNKNOWN;
import static dev.ferry.controller.plan.model.PlanConditions.INVALID_HOOK_NS_NAME;
import static dev.ferry.controller.plan.model.PlanConditions.INVALID_HOOK_REF;
import static dev.ferry.controller.plan.model.PlanConditions.INVALID_HOOK_SA_NAME;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.hook.HookPhase;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.plan.MigPlanHook;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The plan's hooks: each references an existing MigHook, runs in a known phase, one hook per phase. */
final class HookChecks {
  // A service account name is a DNS subdomain.
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private HookChecks() {
  }

  /** The key of {@link PlanSnapshot#hooks()} for a plan hook's reference. */
  static String key(PlanSnapshot s, MigPlanHook hook) {
    return s.namespaceOf(hook.getReference()) + "/" + hook.getReference().getName();
  }

  static void check(PlanSnapshot s, List<Condition> out) {
    List<MigPlanHook> hooks = s.plan().getSpec() == null || s.plan().getSpec().getHooks() == null ? List.of()
        : s.plan().getSpec().getHooks();
    List<String> invalidRefs = new ArrayList<>();
    List<String> notReady = new ArrayList<>();
    List<String> unknownPhase = new ArrayList<>();
    List<String> badNamespace = new ArrayList<>();
    List<String> badServiceAccount = new ArrayList<>();
    Set<HookPhase> seen = new LinkedHashSet<>();
    Set<String> duplicatePhases = new LinkedHashSet<>();
    for (int i = 0; i < hooks.size(); i++) {
      MigPlanHook hook = hooks.get(i);
      String label = hook.getReference() != null && hook.getReference().getName() != null
          ? hook.getReference().getName() : "hooks[" + i + "]";
      if (hook.getReference() == null || hook.getReference().getName() == null
          || hook.getReference().getName().isBlank()) {
        invalidRefs.add(label);
      } else {
        MigHook found = s.hooks().get(key(s, hook));
        if (found == null) {
          invalidRefs.add(key(s, hook));
        } else if (found.getStatus() != null && found.getStatus().getConditions() != null
            && !found.getStatus().getConditions().isEmpty() && !found.getStatus().conditions().ready()) {
          notReady.add(label); // Only judged once something has validated the hook.
        }
      }
      if (hook.getPhase() == null) {
        unknownPhase.add(label);
      } else if (!seen.add(hook.getPhase())) {
        duplicatePhases.add(hook.getPhase().value());
      }
      if (hook.getExecutionNamespace() == null || !NamespacePair.isDnsLabel(hook.getExecutionNamespace())) {
        badNamespace.add(label);
      }
      String sa = hook.getServiceAccount();
      if (sa == null || sa.length() > 253 || !DNS_SUBDOMAIN.matcher(sa).matches()) {
        badServiceAccount.add(label);
      }
    }
    ListedItems.addIfAny(out, invalidRefs, INVALID_HOOK_REF, Category.CRITICAL, "NotFound", "Hooks ",
        " reference no existing MigHook: set each hook's reference to the name (and namespace) of a MigHook, "
        + "or remove the hook from spec.hooks.");
    ListedItems.addIfAny(out, notReady, HOOK_NOT_READY, Category.CRITICAL, "NotReady", "MigHooks ",
        " are not ready: see their conditions and fix them.");
    ListedItems.addIfAny(out, unknownPhase, HOOK_PHASE_UNKNOWN, Category.CRITICAL, "NotSet", "Hooks ",
        " have no phase: set each hook's phase to PreBackup, PostBackup, PreRestore or PostRestore.");
    ListedItems.addIfAny(out, List.copyOf(duplicatePhases), HOOK_PHASE_DUPLICATE, Category.CRITICAL, "Duplicate",
        "More than one hook runs in phases ",
        ": a phase can have one hook (at most four hooks in all); remove or move the extra ones.");
    ListedItems.addIfAny(out, badNamespace, INVALID_HOOK_NS_NAME, Category.CRITICAL, "NotDNSCompliant", "Hooks ",
        " have no valid executionNamespace: set it to the namespace the hook's job runs in.");
    ListedItems.addIfAny(out, badServiceAccount, INVALID_HOOK_SA_NAME, Category.CRITICAL, "NotDNSCompliant", "Hooks ",
        " have no valid serviceAccount: set it to the service account the hook's job runs as.");
  }
}
