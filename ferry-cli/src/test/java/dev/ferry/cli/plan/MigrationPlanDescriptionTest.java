package dev.ferry.cli.plan;

import dev.ferry.cli.MigrationSamples;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ferry plan describe}, character for character. */
class MigrationPlanDescriptionTest {

  @Test
  void planWithConditionsAndVolumes() {
    var plan = MigrationSamples.plan("""
        conditions:
        - {type: PvsDiscovered, status: "True", category: Required, message: The persistent volumes list has been updated.}
        - {type: NamespacesHaveNodeSelectors, status: "True", category: Warn, message: "Namespaces [shop] have\\nnode selectors."}
        - {type: Ready, status: "True", category: Required, message: The migration plan is ready.}
        """);
    assertThat(new PlanDescription(plan).text()).isEqualTo("""
        Name:            shop
        Namespace:       openshift-migration
        Source cluster:  host
        Target cluster:  prod
        Storage:         repo
        Namespaces:      shop:shop-moved, cache
        Closed:          no
        Ready:           True

        Conditions:
          TYPE                          CATEGORY   MESSAGE
          PvsDiscovered                 Required   The persistent volumes list has been updated.
          NamespacesHaveNodeSelectors   Warn       Namespaces [shop] have node selectors.
          Ready                         Required   The migration plan is ready.

        Persistent volumes:
          PVC              CAPACITY   STORAGE CLASS      ACTION
          shop/data:data   10Gi       standard -> fast   copy
          cache/shared     1Gi        nfs                move
        """);
  }

  @Test
  void notValidatedYet() {
    var plan = MigrationSamples.plan("{}\n");
    plan.getSpec().setPersistentVolumes(null);
    plan.getSpec().setClosed(true);
    assertThat(new PlanDescription(plan).text()).isEqualTo("""
        Name:            shop
        Namespace:       openshift-migration
        Source cluster:  host
        Target cluster:  prod
        Storage:         repo
        Namespaces:      shop:shop-moved, cache
        Closed:          yes
        Ready:           False

        Conditions:
          <none>

        Persistent volumes:
          <none>
        """);
  }
}
