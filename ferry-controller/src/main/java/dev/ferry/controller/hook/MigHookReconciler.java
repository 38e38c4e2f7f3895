package dev.ferry.controller.hook;

import dev.ferry.api.common.Conditions;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.hook.MigHookStatus;
import dev.ferry.controller.hook.model.HookValidator;
import dev.ferry.controller.itinerary.StatusPatches;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;

/** Validates MigHooks (see {@link HookValidator}); a plan using a hook that is not Ready is not Ready either. */
@ControllerConfiguration(name = "mighook")
public class MigHookReconciler implements Reconciler<MigHook> {
  private final Clock clock;

  public MigHookReconciler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public UpdateControl<MigHook> reconcile(MigHook hook, Context<MigHook> context) {
    MigHookStatus status = hook.getStatus() == null ? new MigHookStatus() : hook.getStatus();
    hook.setStatus(status);
    Conditions conditions = status.conditions(clock);
    conditions.beginStaging();
    HookValidator.validate(hook.getSpec()).forEach(conditions::set);
    conditions.setReady(!conditions.hasErrors(), HookValidator.READY_MESSAGE);
    conditions.endStaging();
    status.setObservedGeneration(hook.getMetadata().getGeneration());
    return StatusPatches.patch(hook);
  }
}
