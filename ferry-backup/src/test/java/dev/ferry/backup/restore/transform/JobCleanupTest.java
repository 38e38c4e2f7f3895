package dev.ferry.backup.restore.transform;

import static dev.ferry.backup.restore.transform.TransformTesting.json;
import static dev.ferry.backup.restore.transform.TransformTesting.run;
import static dev.ferry.backup.restore.transform.TransformTesting.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JobCleanupTest {

  private static final String RUNNING_JOB = """
      {
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": {
          "name": "reindex",
          "namespace": "shop",
          "labels": {
            "batch.kubernetes.io/controller-uid": "8a3e5f8c-1f0e-4c3b-9d1e-2b2a4c5d6e7f",
            "batch.kubernetes.io/job-name": "reindex",
            "controller-uid": "8a3e5f8c-1f0e-4c3b-9d1e-2b2a4c5d6e7f",
            "job-name": "reindex"
          }
        },
        "spec": {
          "parallelism": 1,
          "completions": 3,
          "backoffLimit": 6,
          "manualSelector": false,
          "selector": {"matchLabels": {
            "batch.kubernetes.io/controller-uid": "8a3e5f8c-1f0e-4c3b-9d1e-2b2a4c5d6e7f"}},
          "template": {
            "metadata": {"labels": {
              "batch.kubernetes.io/controller-uid": "8a3e5f8c-1f0e-4c3b-9d1e-2b2a4c5d6e7f",
              "batch.kubernetes.io/job-name": "reindex",
              "controller-uid": "8a3e5f8c-1f0e-4c3b-9d1e-2b2a4c5d6e7f",
              "job-name": "reindex"
            }},
            "spec": {"restartPolicy": "Never",
                     "containers": [{"name": "reindex", "image": "shop/reindex:1.2"}]}
          }
        },
        "status": {"active": 1, "succeeded": 1, "startTime": "2024-05-01T10:00:00Z"}
      }
      """;

  private final JobCleanup transform = new JobCleanup();

  @Test
  void runningJobLosesSelectorAndControllerUidLabels() {
    ObjectNode result = transformed(transform, "jobs.batch", json(RUNNING_JOB),
        TransformContext.defaults());

    ObjectNode expectedLabels = json("""
        {"batch.kubernetes.io/job-name": "reindex", "job-name": "reindex"}
        """);
    assertThat(result.path("metadata").path("labels")).isEqualTo(expectedLabels);
    assertThat(result.path("spec").path("template").path("metadata").path("labels"))
        .isEqualTo(expectedLabels);
    assertThat(result.path("spec").has("selector")).isFalse();
    assertThat(result.path("spec").has("manualSelector")).isFalse();
    assertThat(result.path("spec").path("completions").asInt()).isEqualTo(3);
  }

  @Test
  void completedJobsAreDropped() {
    ObjectNode byCount = json(RUNNING_JOB);
    ((ObjectNode) byCount.path("status")).put("succeeded", 3).remove("active");
    assertThat(run(transform, "jobs.batch", byCount, TransformContext.defaults()).dropReason())
        .isEqualTo("job has completed");

    ObjectNode byCondition = json("""
        {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "j", "namespace": "shop"},
         "spec": {"template": {"spec": {"containers": []}}},
         "status": {"conditions": [{"type": "Complete", "status": "True"}], "succeeded": 1}}
        """);
    assertThat(run(transform, "jobs.batch", byCondition, TransformContext.defaults()).dropped())
        .isTrue();

    ObjectNode failed = json("""
        {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "j", "namespace": "shop"},
         "spec": {"template": {"spec": {"containers": []}}},
         "status": {"conditions": [{"type": "Failed", "status": "True"}], "failed": 6}}
        """);
    assertThat(run(transform, "jobs.batch", failed, TransformContext.defaults()).dropped())
        .isFalse();
  }

  @Test
  void jobsOfCronJobsAreDropped() {
    ObjectNode job = json(RUNNING_JOB);
    ((ObjectNode) job.path("metadata")).putArray("ownerReferences").addObject()
        .put("apiVersion", "batch/v1").put("kind", "CronJob").put("name", "nightly")
        .put("uid", "x").put("controller", true);
    TransformPipeline.Outcome outcome = run(transform, "jobs.batch", job,
        TransformContext.defaults());
    assertThat(outcome.dropped()).isTrue();
    assertThat(outcome.dropReason()).contains("CronJob nightly");
  }
}
