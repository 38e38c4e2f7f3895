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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The workload the distribution's AOT cache is trained on when it is built
 * (scripts/build-distribution.sh runs this once with {@code -XX:AOTCacheOutput}): the classes it
 * loads and links, and the methods it profiles, are what later runs of {@code ferry} find ready.
 *
 * <p>An AOT cache's classes are loaded and linked at the start of <em>every</em> later run, needed
 * or not, so the workload is the commands that must answer at once and nothing else: {@code
 * version}, and {@code get}/{@code describe} of every kind, against a loopback HTTPS endpoint that
 * answers as an API server would — a list holding one sample object, the sample object by name, a
 * 404 for the name "missing" (the build has no cluster; what matters is that the client, the TLS
 * handshake, the JSON reading of each kind and the table and describe printing run) — and a {@code
 * get} to a closed port (the error path). Help, completion and {@code crds print} are left out: they
 * build the model of the whole command tree, which would put the testbed's, the controller's and
 * the metrics' classes into every start. The training runs with the short class path of the launcher
 * (bin/ferry), which the cache then belongs to; longer class paths that begin with it use it too.
 *
 * <p>The server's key and certificate come from scripts/build-distribution.sh (keytool), in
 * {@code -Dferry.aot.keystore} (PKCS12, password {@code training}) and {@code -Dferry.aot.ca} (PEM):
 * made here with BouncyCastle they would put its signed jar's verification into every start-up.
 */
public final class AotTraining {
  private static final List<String> GROUPS =
      List.of("plan", "migration", "cluster", "storage", "hook", "backup", "restore");
  private static final String NAMESPACE = "openshift-migration";
  private static final String SAMPLE = "sample";

  private AotTraining() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("ferry-aot-training");
    Map<String, String> samples = samples();
    try (SSLServerSocket server = (SSLServerSocket) serverContext().getServerSocketFactory()
             .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
         ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answering = new Thread(() -> answer(server, samples), "aot-training-api");
      answering.setDaemon(true);
      answering.start();
      String ca = base64(Files.readString(Path.of(System.getProperty("ferry.aot.ca"))));
      Path plain = kubeconfig(dir.resolve("token"), "https://127.0.0.1:" + server.getLocalPort(), ca);
      int refusedPort = closed.getLocalPort();
      closed.close();
      Path refused = kubeconfig(dir.resolve("refused"), "https://127.0.0.1:" + refusedPort, ca);

      run("version");
      run("version", "-o", "json");
      for (String group : GROUPS) {
        run(group, "get", "--kubeconfig", plain.toString());
        run(group, "get", "-o", "yaml", "--kubeconfig", plain.toString());
        run(group, "describe", SAMPLE, "--kubeconfig", plain.toString());
        run(group, "describe", "missing", "--kubeconfig", plain.toString());
      }
      run("plan", "get", "--kubeconfig", refused.toString());
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.err.println("aot-training: done");
  }

  private static void run(String... args) {
    int code = Main.run(args);
    System.err.println("aot-training: ferry " + String.join(" ", args) + " -> " + code);
  }

  /**
   * One object of each kind as the API server sends it, by its resource (plural): written with the
   * CLI's mapping, so that the (de)serializers of every kind are trained too.
   */
  private static Map<String, String> samples() throws ReflectiveOperationException {
    KubernetesSerialization serialization = LightSerialization.get();
    Map<String, String> samples = new HashMap<>();
    for (Class<? extends HasMetadata> type : ApiTypes.ALL) {
      HasMetadata object = type.getDeclaredConstructor().newInstance();
      object.setMetadata(new ObjectMetaBuilder().withName(SAMPLE).withNamespace(NAMESPACE)
          .withCreationTimestamp("2026-01-01T00:00:00Z").withUid("00000000-0000-0000-0000-000000000001").build());
      samples.put(HasMetadata.getPlural(type), serialization.asJson(object));
    }
    return samples;
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

  /**
   * Answers each HTTP/1.1 request: {@code …/PLURAL} gets a list of the sample, {@code …/PLURAL/sample}
   * the sample, the name "missing" a 404 Status, anything else an empty list.
   */
  private static void answer(ServerSocket server, Map<String, String> samples) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String requestLine = in.readLine();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          // headers: nothing in them changes the answer
        }
        String path = requestLine == null ? "/" : requestLine.split(" ")[1].replaceAll("\\?.*", "");
        String[] segments = path.split("/");
        String last = segments[segments.length - 1];
        String parent = segments.length > 1 ? segments[segments.length - 2] : "";
        boolean missing = last.equals("missing");
        String body;
        if (missing) {
          body = "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"NotFound\","
              + "\"code\":404,\"message\":\"not found\"}";
        } else if (last.equals(SAMPLE) && samples.containsKey(parent)) {
          body = samples.get(parent);
        } else {
          String item = samples.get(last);
          body = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":["
              + (item == null ? "" : item) + "]}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(((missing ? "HTTP/1.1 404 Not Found" : "HTTP/1.1 200 OK") + "\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
      } catch (IOException | RuntimeException e) {
        // the next request is answered all the same
      }
    }
  }
}
