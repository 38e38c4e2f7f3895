package dev.ferry.testbed;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 access to the shared {@link Testbed}: injects {@link Testbed}, and a fresh
 * {@link TestNamespace} per test (created on the source cluster, deleted afterwards). When a
 * test fails, the tail of every component's log is printed to help find out why.
 */
public class TestbedExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(TestbedExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Testbed.class || type == TestNamespace.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == Testbed.class) {
      return Testbed.shared();
    }
    if (type == TestNamespace.class) {
      return context.getStore(STORE).getOrComputeIfAbsent(TestNamespace.class, k -> createNamespace(context),
          TestNamespace.class);
    }
    throw new ParameterResolutionException("unsupported parameter " + type);
  }

  private TestNamespace createNamespace(ExtensionContext context) {
    String base = context.getRequiredTestMethod().getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String name = (base.length() > 40 ? base.substring(0, 40) : base) + "-" + UUID.randomUUID().toString().substring(0, 6);
    LocalCluster source = Testbed.shared().source();
    source.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels("ferry.dev/test", "true").endMetadata().build()).create();
    return new TestNamespace(name, source);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestNamespace namespace = context.getStore(STORE).remove(TestNamespace.class, TestNamespace.class);
    if (context.getExecutionException().isPresent()) {
      dumpLogs(context);
    } else if (namespace != null) {
      namespace.cluster().client().namespaces().withName(namespace.name()).delete();
    }
  }

  private static void dumpLogs(ExtensionContext context) {
    StringBuilder out = new StringBuilder("---- testbed logs for failed test ")
        .append(context.getDisplayName()).append(" ----\n");
    for (LocalCluster cluster : Testbed.shared().running()) {
      for (Path log : cluster.logs()) {
        out.append("== ").append(log).append('\n');
        try {
          var lines = Files.readAllLines(log);
          lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> out.append(l).append('\n'));
        } catch (IOException e) {
          out.append("(unreadable: ").append(e.getMessage()).append(")\n");
        }
      }
    }
    System.err.println(out);
  }
}
