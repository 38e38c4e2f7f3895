package dev.ferry.cli;

import dev.ferry.cli.kube.LightSerialization;
import dev.ferry.api.ApiTypes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The workload the distribution's AOT cache is trained on when it is built
 * (scripts/build-distribution.sh runs this once with {@code -XX:AOTCacheOutput}): the classes it
 * loads and links, and the methods it profiles, are what later runs of {@code ferry} find ready.
 *
 * <p>It runs the commands users type most, in this one JVM: version, help, {@code crds print},
 * completion, and {@code get}/{@code describe} of every kind against a loopback HTTPS endpoint that
 * answers every request with an empty list or a 404 (the build has no cluster; what matters is that
 * the client, the TLS handshake, the JSON reading and the table printing run), and a {@code get} to
 * a closed port (the error path). Output goes to the build log's bin (stdout is discarded). The
 * server's key and certificate come from scripts/build-distribution.sh (keytool), in
 * {@code -Dferry.aot.keystore} (PKCS12, password {@code training}) and {@code -Dferry.aot.ca} (PEM):
 * made here with BouncyCastle they would put its signed jar's verification into every start-up.
 *
 * <p>Everything it loads is loaded again at the start of every later command (an AOT cache's
 * classes are linked ahead of time, all at once), so it avoids what a short command never needs.
 */
public final class AotTraining {
  private static final List<String> GROUPS =
      List.of("plan", "migration", "cluster", "storage", "hook", "backup", "restore");

  private AotTraining() {
  }

  public static void main(String[] args) throws Exception {
    PrintStream err = System.err;
    Path dir = Files.createTempDirectory("ferry-aot-training");
    try (SSLServerSocket server = (SSLServerSocket) serverContext().getServerSocketFactory()
             .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
         ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answering = new Thread(() -> answer(server), "aot-training-api");
      answering.setDaemon(true);
      answering.start();
      String ca = base64(Files.readString(Path.of(System.getProperty("ferry.aot.ca"))));
      Path plain = kubeconfig(dir.resolve("token"), "https://127.0.0.1:" + server.getLocalPort(), ca);
      int refusedPort = closed.getLocalPort();
      closed.close();
      Path refused = kubeconfig(dir.resolve("refused"), "https://127.0.0.1:" + refusedPort, ca);

      run("version");
      run("version", "-o", "json");
      run("--help");
      run("crds", "print");
      run("crds", "print", "-o", "json");
      run("crds", "print", "-o", "table");
      run("completion", "bash");
      for (String group : GROUPS) {
        run(group, "--help");
        run(group, "get", "--kubeconfig", plain.toString());
        run(group, "get", "-o", "yaml", "--kubeconfig", plain.toString());
        run(group, "describe", "missing", "--kubeconfig", plain.toString());
        run("__complete", group, "describe", "", "--kubeconfig", plain.toString());
      }
      run("plan", "get", "--kubeconfig", refused.toString());
      readEveryKind();
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    err.println("aot-training: done");
  }

  private static void run(String... args) {
    int code = Main.run(args);
    System.err.println("aot-training: ferry " + String.join(" ", args) + " -> " + code);
  }

  /**
   * Each kind written and read back as the API server sends it: Jackson's (de)serializers for them,
   * with the CLI's mapping (fabric8's default would scan in every model class on the class path).
   */
  private static void readEveryKind() throws ReflectiveOperationException {
    KubernetesSerialization serialization = LightSerialization.get();
    for (Class<? extends HasMetadata> type : ApiTypes.ALL) {
      HasMetadata object = type.getDeclaredConstructor().newInstance();
      object.setMetadata(new ObjectMetaBuilder().withName("sample").withNamespace("openshift-migration")
          .withCreationTimestamp("2026-01-01T00:00:00Z").build());
      serialization.unmarshal(serialization.asJson(object), type);
    }
  }

  private static SSLContext serverContext() throws Exception {
    String keystore = System.getProperty("ferry.aot.keystore");
    if (keystore == null || System.getProperty("ferry.aot.ca") == null) {
      throw new IllegalStateException("set -Dferry.aot.keystore and -Dferry.aot.ca (scripts/build-distribution.sh does)");
    }
    char[] password = "training".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(Path.of(keystore))) {
      keys.load(in, password);
    }
    KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(managers.getKeyManagers(), null, null);
    return context;
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  private static Path kubeconfig(Path file, String server, String caData) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: training",
        "  cluster:",
        "    server: " + server,
        "    certificate-authority-data: " + caData,
        "users:",
        "- name: training",
        "  user: {token: training}",
        "contexts:",
        "- name: training",
        "  context: {cluster: training, user: training, namespace: openshift-migration}",
        "current-context: training",
        ""));
    return file;
  }

  /** Answers each HTTP/1.1 request: a list gets an empty list, the object named "missing" a 404 Status. */
  private static void answer(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String requestLine = in.readLine();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          // headers: nothing in them changes the answer
        }
        String path = requestLine == null ? "/" : requestLine.split(" ")[1];
        // Training names one object, "missing"; everything else it asks for is a list.
        boolean list = !path.replaceAll("\\?.*", "").endsWith("/missing");
        String body = list
            ? "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[]}"
            : "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404,"
                + "\"message\":\"not found\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(((list ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
      } catch (IOException | RuntimeException e) {
        // the next request is answered all the same
      }
    }
  }
}
