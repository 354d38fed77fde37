package io.werkraum.deploy;

import static io.werkraum.deploy.Repository.at;
import static io.werkraum.deploy.Repository.list;
import static io.werkraum.deploy.Repository.map;
import static io.werkraum.deploy.Repository.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment files say what the README promises operators: the image is multi-stage, runs
 * the jar the tests test as a non-root user without a shell; every Kubernetes pod meets the
 * restricted Pod Security Standard, has requests and limits and the right probes; the nodes find
 * each other through a headless service; Redis keeps an append-only file on a persistent volume;
 * the compose file runs the same way. No container engine runs here, so the files are read, not run.
 */
class DeploymentFilesTest {
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");
  private static final Set<String> SHELLS = Set.of("sh", "/bin/sh", "bash", "/bin/bash", "/usr/bin/env");

  @Test
  void everyYamlFileOfTheRepositoryParses() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Stream.concat(Stream.of(Repository.file("publiccode.yml")), Files.walk(Repository.file("infra")))) {
      files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .filter(f -> !f.toString().contains("/target/")).toList();
    }
    assertTrue(files.size() >= 7, "publiccode.yml, compose and the Kubernetes manifests: " + files);
    for (Path file : files) {
      assertFalse(Repository.yaml(file).isEmpty(), file + " holds a document");
    }
  }

  // ---------- Dockerfile ----------

  @Test
  void theImageIsMultiStageAndRunsTheTestedJarAsNonRootWithoutAShell() {
    Dockerfile docker = Dockerfile.read(Repository.file("infra/Dockerfile"));
    assertTrue(docker.stages().size() >= 2, "a build stage and a runtime stage");
    Dockerfile.Stage runtime = docker.runtime();

    Dockerfile.Instruction user = runtime.last("USER");
    assertNotNull(user, "the runtime stage sets USER");
    String uid = user.arguments().split(":")[0].trim();
    assertFalse(Set.of("root", "0").contains(uid), "USER is not root: " + user);
    assertTrue(uid.matches("[1-9][0-9]*"), "a numeric user, so Kubernetes can check runAsNonRoot: " + user);

    List<String> entrypoint = runtime.execEntrypoint();
    assertNotNull(entrypoint, "ENTRYPOINT in exec form (a JSON array)");
    assertFalse(SHELLS.contains(entrypoint.get(0)), "ENTRYPOINT starts no shell: " + entrypoint);
    assertTrue(entrypoint.get(0).endsWith("java"), "ENTRYPOINT runs java: " + entrypoint);
    assertTrue(entrypoint.stream().anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage=") || a.startsWith("-Xmx")),
        "JVM memory set explicitly: " + entrypoint);
    assertEquals(null, runtime.last("CMD"), "no CMD: everything the server needs is in ENTRYPOINT and ENV");
    assertTrue(runtime.image().contains("distroless"), "a runtime base without a shell: " + runtime.image());

    // The jar the image runs is the one the build writes and the tests start.
    String jarInImage = entrypoint.get(entrypoint.indexOf("-jar") + 1);
    List<String[]> copiesOfJar = runtime.all("COPY").stream()
        .map(copy -> copy.arguments().trim().split("\\s+"))
        .filter(args -> args[args.length - 1].equals(jarInImage))
        .toList();
    assertEquals(1, copiesOfJar.size(), "exactly one COPY puts " + jarInImage + " into the image");
    String[] copy = copiesOfJar.get(0);
    String from = Arrays.stream(copy).filter(a -> a.startsWith("--from=")).findFirst()
        .orElseThrow(() -> new AssertionError("the jar comes from the build stage (COPY --from=)"))
        .substring("--from=".length());
    Dockerfile.Stage build = docker.stage(from);
    String workdir = build.last("WORKDIR").arguments().trim();
    assertEquals(workdir + "/" + Repository.JAR, copy[copy.length - 2], "the image copies the jar the tests test");
    assertTrue(build.all("RUN").stream().anyMatch(run -> run.arguments().contains("package")),
        "the build stage builds the jar");
  }

  // ---------- Kubernetes ----------

  @Test
  void everyKubernetesContainerMeetsTheRestrictedPodSecurityStandard() {
    List<Map<String, Object>> workloads = kubernetes().stream().filter(d -> WORKLOADS.contains(text(d, "kind"))).toList();
    assertTrue(workloads.size() >= 2, "Werkraum and Redis");
    for (Map<String, Object> workload : workloads) {
      String name = text(workload, "kind") + " " + text(workload, "metadata", "name");
      Map<String, Object> pod = map(workload, "spec", "template", "spec");
      Map<String, Object> podSecurity = map(pod, "securityContext");
      assertEquals("false", text(pod, "automountServiceAccountToken"), name + ": no API token in the pod");
      List<Object> containers = new ArrayList<>(list(pod, "containers"));
      containers.addAll(list(pod, "initContainers"));
      assertFalse(containers.isEmpty(), name);
      for (Object container : containers) {
        String where = name + " container " + text(container, "name");
        Map<String, Object> security = map(container, "securityContext");
        assertEquals("true", effective(security, podSecurity, "runAsNonRoot"), where + ": runAsNonRoot");
        String user = effective(security, podSecurity, "runAsUser");
        assertTrue(user == null || Integer.parseInt(user) > 0, where + ": runAsUser is not 0");
        assertEquals("false", text(security, "allowPrivilegeEscalation"), where + ": allowPrivilegeEscalation");
        assertEquals(List.of("ALL"), list(security, "capabilities", "drop"), where + ": capabilities drop ALL");
        assertTrue(list(security, "capabilities", "add").isEmpty(), where + ": no capability added");
        assertEquals("RuntimeDefault", effective(map(security, "seccompProfile"), map(podSecurity, "seccompProfile"), "type"),
            where + ": seccompProfile RuntimeDefault");
        assertEquals("true", text(security, "readOnlyRootFilesystem"), where + ": readOnlyRootFilesystem");
        assertFalse("true".equals(text(security, "privileged")), where + ": not privileged");
        for (String kind : List.of("requests", "limits")) {
          assertNotNull(text(container, "resources", kind, "memory"), where + ": memory " + kind);
          assertNotNull(text(container, "resources", kind, "cpu"), where + ": cpu " + kind);
        }
      }
      assertFalse("true".equals(text(pod, "hostNetwork")) || "true".equals(text(pod, "hostPID")), name + ": no host namespaces");
      for (Object volume : list(pod, "volumes")) {
        assertEquals(null, at(volume, "hostPath"), name + ": no hostPath volume");
      }
    }
    Map<String, Object> namespace = kind("Namespace");
    assertEquals("restricted", text(namespace, "metadata", "labels", "pod-security.kubernetes.io/enforce"),
        "the namespace enforces the restricted standard");
  }

  @Test
  void werkraumPodsAreProbedOnTheHealthPathsOfTheirHttpPort() {
    Map<String, Object> container = werkraumContainer();
    int httpPort = containerPort(container, "http");
    assertEquals(String.valueOf(httpPort), env(container).get("WERKRAUM_PORT"), "the server listens where the probes look");
    assertEquals("/health/live", text(container, "livenessProbe", "httpGet", "path"));
    assertEquals("/health/ready", text(container, "readinessProbe", "httpGet", "path"));
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      assertNotNull(at(container, probe), probe);
      Object port = at(container, probe, "httpGet", "port");
      int probed = port instanceof Integer number ? number : containerPort(container, port.toString());
      assertEquals(httpPort, probed, probe + " port");
    }
    // The JVM writes its temporary files to /tmp, which must be writable on a read-only root.
    Map<String, Object> pod = map(werkraum(), "spec", "template", "spec");
    Object tmp = list(container, "volumeMounts").stream().filter(m -> "/tmp".equals(text(m, "mountPath"))).findFirst()
        .orElseThrow(() -> new AssertionError("/tmp is mounted"));
    Object volume = list(pod, "volumes").stream().filter(v -> text(v, "name").equals(text(tmp, "name"))).findFirst()
        .orElseThrow(() -> new AssertionError("the /tmp volume exists"));
    assertNotNull(at(volume, "emptyDir"), "/tmp is an emptyDir");
  }

  @Test
  void metricsAreScrapedFromThePodsOwnPortWhichNoServicePublishes() {
    Map<String, Object> container = werkraumContainer();
    String configured = env(container).get("WERKRAUM_METRICS_PORT");
    assertEquals(configured == null ? 9464 : Integer.parseInt(configured), containerPort(container, "metrics"));
    assertEquals("9464", text(werkraum(), "spec", "template", "metadata", "annotations", "prometheus.io/port"));
    for (Map<String, Object> service : kubernetes().stream().filter(d -> "Service".equals(text(d, "kind"))).toList()) {
      for (Object port : list(service, "spec", "ports")) {
        assertFalse("metrics".equals(String.valueOf(at(port, "targetPort"))) || "9464".equals(String.valueOf(at(port, "targetPort"))),
            text(service, "metadata", "name") + " publishes the metrics port");
      }
    }
  }

  @Test
  void nodesFindEachOtherThroughAHeadlessServiceAndADisruptionBudgetKeepsOneServing() {
    Map<String, Object> statefulSet = werkraum();
    assertEquals("StatefulSet", text(statefulSet, "kind"), "stable pod names give a stable member list");
    Map<String, Object> podLabels = map(statefulSet, "spec", "template", "metadata", "labels");
    String serviceName = text(statefulSet, "spec", "serviceName");
    Map<String, Object> headless = kubernetes().stream()
        .filter(d -> "Service".equals(text(d, "kind")) && serviceName.equals(text(d, "metadata", "name")))
        .findFirst().orElseThrow(() -> new AssertionError("the StatefulSet's service " + serviceName + " exists"));
    assertEquals("None", text(headless, "spec", "clusterIP"), "the member service is headless");
    assertEquals("true", text(headless, "spec", "publishNotReadyAddresses"),
        "members resolve each other before they are ready (readiness waits for the cluster)");
    assertTrue(podLabels.entrySet().containsAll(map(headless, "spec", "selector").entrySet()), "it selects the pods");

    Map<String, Object> container = werkraumContainer();
    Map<String, String> env = env(container);
    assertEquals("true", env.get("WERKRAUM_CLUSTER"));
    String port = env.get("WERKRAUM_CLUSTER_PORT");
    assertEquals(Integer.parseInt(port), containerPort(container, "hazelcast"));
    int replicas = Integer.parseInt(text(statefulSet, "spec", "replicas"));
    assertTrue(replicas >= 2, "at least two nodes");
    String name = text(statefulSet, "metadata", "name");
    List<String> expected = IntStream.range(0, replicas).mapToObj(i -> name + "-" + i + "." + serviceName + ":" + port).toList();
    assertEquals(expected, List.of(env.get("WERKRAUM_CLUSTER_MEMBERS").split(",")), "one member per pod, by its stable name");
    assertEquals("status.podIP", text(envEntry(container, "WERKRAUM_CLUSTER_HOST"), "valueFrom", "fieldRef", "fieldPath"),
        "each node announces its pod IP");

    Map<String, Object> budget = kind("PodDisruptionBudget");
    assertTrue(podLabels.entrySet().containsAll(map(budget, "spec", "selector", "matchLabels").entrySet()),
        "the budget covers the Werkraum pods");
    assertTrue(Integer.parseInt(text(budget, "spec", "minAvailable")) >= 1, "one node stays through a drain");
    assertTrue(Integer.parseInt(text(budget, "spec", "minAvailable")) < replicas, "and a drain can proceed");
  }

  @Test
  void redisKeepsAnAppendOnlyFileOnAPersistentVolume() {
    Map<String, Object> redis = kubernetes().stream()
        .filter(d -> WORKLOADS.contains(text(d, "kind")) && "redis".equals(text(d, "metadata", "name")))
        .findFirst().orElseThrow(() -> new AssertionError("a Redis workload"));
    Map<String, Object> container = map(redis, "spec", "template", "spec", "containers", 0);
    List<String> args = Stream.concat(list(container, "command").stream(), list(container, "args").stream())
        .map(Object::toString).toList();
    assertEquals("yes", after(args, "--appendonly"), "append-only file on");
    assertEquals("always", after(args, "--appendfsync"), "every acknowledged write on disk");
    String dir = after(args, "--dir");
    Object mount = list(container, "volumeMounts").stream().filter(m -> dir.equals(text(m, "mountPath"))).findFirst()
        .orElseThrow(() -> new AssertionError("Redis' --dir " + dir + " is a mounted volume"));
    String volume = text(mount, "name");
    boolean claimed = list(redis, "spec", "volumeClaimTemplates").stream().anyMatch(t -> volume.equals(text(t, "metadata", "name")))
        || list(redis, "spec", "template", "spec", "volumes").stream()
            .anyMatch(v -> volume.equals(text(v, "name")) && at(v, "persistentVolumeClaim") != null);
    assertTrue(claimed, "the data volume is a PersistentVolumeClaim");
    assertTrue(env(werkraumContainer()).get("REDIS_URL").startsWith("redis://" + text(kind("Service", "redis"), "metadata", "name") + ":"),
        "Werkraum uses this Redis");
  }

  @Test
  void kustomizationListsEveryManifest() throws IOException {
    Map<String, Object> kustomization = Repository.yaml(Repository.file("infra/k8s/kustomization.yaml")).get(0);
    try (Stream<Path> files = Files.list(Repository.file("infra/k8s"))) {
      List<String> manifests = files.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).sorted().toList();
      assertEquals(manifests, list(kustomization, "resources").stream().map(Object::toString).sorted().toList());
    }
  }

  // ---------- Compose ----------

  @Test
  void composeRunsRedisWithAofAndTwoClusteredNodesBehindAWebSocketProxy() throws IOException {
    Map<String, Object> compose = Repository.yaml(Repository.file("infra/compose/compose.yaml")).get(0);
    Map<String, Object> services = map(compose, "services");

    List<String> redisCommand = list(services, "redis", "command").stream().map(Object::toString).toList();
    assertEquals("yes", after(redisCommand, "--appendonly"));
    assertEquals("always", after(redisCommand, "--appendfsync"));
    String redisDir = after(redisCommand, "--dir");
    assertTrue(list(services, "redis", "volumes").stream().anyMatch(v -> v.toString().endsWith(":" + redisDir)),
        "Redis' folder is a volume");

    List<String> nodes = services.keySet().stream().filter(n -> n.startsWith("werkraum-")).sorted().toList();
    assertEquals(2, nodes.size(), "two Werkraum nodes");
    String members = null;
    for (String node : nodes) {
      Map<String, Object> service = map(services, node);
      Map<String, Object> env = map(service, "environment");
      assertEquals("true", text(env, "WERKRAUM_CLUSTER"), node);
      assertEquals("redis://redis:6379", text(env, "REDIS_URL"), node);
      String host = text(env, "WERKRAUM_CLUSTER_HOST");
      assertEquals(host, text(service, "networks", "werkraum", "ipv4_address"), node + " announces its own address");
      assertTrue(text(env, "WERKRAUM_CLUSTER_MEMBERS").contains(host + ":" + text(env, "WERKRAUM_CLUSTER_PORT")),
          node + " is in the member list");
      if (members != null) {
        assertEquals(members, text(env, "WERKRAUM_CLUSTER_MEMBERS"), "every node has the same member list");
      }
      members = text(env, "WERKRAUM_CLUSTER_MEMBERS");
      assertEquals("true", text(service, "read_only"), node + ": read-only root filesystem");
      assertEquals(List.of("ALL"), list(service, "cap_drop"), node + ": no capabilities");
      assertTrue(list(service, "tmpfs").stream().anyMatch(t -> t.toString().startsWith("/tmp")), node + ": /tmp writable");
      assertFalse(text(service, "user").startsWith("0") || text(service, "user").startsWith("root"), node + ": not root");
      assertEquals("../..", text(service, "build", "context"));
      assertEquals("infra/Dockerfile", text(service, "build", "dockerfile"));
    }

    Map<String, Object> proxy = map(services, "proxy");
    assertTrue(text(proxy, "image").startsWith("nginx"), "nginx in front");
    String mounted = list(proxy, "volumes").get(0).toString().split(":")[0];
    String nginx = Files.readString(Repository.file("infra/compose").resolve(mounted).normalize());
    for (String node : nodes) {
      assertTrue(nginx.contains("server " + node + ":8080"), "nginx balances over " + node);
    }
    String eventbus = nginx.substring(nginx.indexOf("location /eventbus/"));
    eventbus = eventbus.substring(0, eventbus.indexOf('}'));
    assertTrue(eventbus.contains("proxy_http_version 1.1;"), "WebSocket needs HTTP/1.1 upstream");
    assertTrue(eventbus.contains("proxy_set_header Upgrade $http_upgrade;"), "the upgrade is passed on");
    assertTrue(eventbus.contains("proxy_set_header Connection $connection_upgrade;"), "the upgrade is passed on");
  }

  // ---------- publiccode.yml ----------

  @Test
  void publiccodeYmlHasWhatTheStandardRequires() {
    Map<String, Object> code = Repository.yaml(Repository.file("publiccode.yml")).get(0);
    assertEquals("0.4", text(code, "publiccodeYmlVersion"));
    for (String key : List.of("name", "url", "developmentStatus", "softwareType", "legal", "maintenance", "localisation")) {
      assertNotNull(at(code, key), key);
    }
    assertEquals("beta", text(code, "developmentStatus"));
    assertEquals("standalone/web", text(code, "softwareType"));
    assertTrue(list(code, "platforms").contains("web"));
    assertFalse(list(code, "categories").isEmpty());
    for (String language : List.of("de", "en")) {
      String shortDescription = text(code, "description", language, "shortDescription");
      String longDescription = text(code, "description", language, "longDescription");
      assertNotNull(shortDescription, language);
      assertTrue(shortDescription.length() <= 150, language + " shortDescription at most 150 characters");
      assertTrue(longDescription.length() >= 150 && longDescription.length() <= 10_000,
          language + " longDescription 150 to 10000 characters");
      assertFalse(list(code, "description", language, "features").isEmpty(), language + " features");
      assertTrue(list(code, "localisation", "availableLanguages").contains(language));
    }
    assertEquals("true", text(code, "localisation", "localisationReady"));
    assertNotNull(text(code, "legal", "license"));
    assertNotNull(text(code, "maintenance", "type"));
    List<String> dependencies = list(code, "dependsOn", "open").stream().map(d -> text(d, "name")).toList();
    assertTrue(dependencies.contains("Redis") && dependencies.contains("Java"), "dependsOn Redis and Java: " + dependencies);
  }

  // ---------- reading ----------

  private static List<Map<String, Object>> kubernetes() {
    try (Stream<Path> files = Files.list(Repository.file("infra/k8s"))) {
      List<Map<String, Object>> documents = new ArrayList<>();
      files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted()
          .forEach(f -> documents.addAll(Repository.yaml(f)));
      return documents;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, Object> kind(String kind) {
    List<Map<String, Object>> found = kubernetes().stream().filter(d -> kind.equals(text(d, "kind"))).toList();
    assertEquals(1, found.size(), "one " + kind);
    return found.get(0);
  }

  private static Map<String, Object> kind(String kind, String name) {
    return kubernetes().stream().filter(d -> kind.equals(text(d, "kind")) && name.equals(text(d, "metadata", "name")))
        .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name));
  }

  private static Map<String, Object> werkraum() {
    return kind("StatefulSet", "werkraum");
  }

  private static Map<String, Object> werkraumContainer() {
    return map(werkraum(), "spec", "template", "spec", "containers", 0);
  }

  private static int containerPort(Map<String, Object> container, String name) {
    return list(container, "ports").stream().filter(p -> name.equals(text(p, "name")))
        .map(p -> Integer.parseInt(text(p, "containerPort"))).findFirst()
        .orElseThrow(() -> new AssertionError("a container port named " + name));
  }

  private static Object envEntry(Map<String, Object> container, String name) {
    return list(container, "env").stream().filter(e -> name.equals(text(e, "name"))).findFirst()
        .orElseThrow(() -> new AssertionError("env " + name));
  }

  /** The container's plain env values (those from a secret or field are left out). */
  private static Map<String, String> env(Map<String, Object> container) {
    Map<String, String> env = new LinkedHashMap<>();
    list(container, "env").stream().filter(e -> at(e, "value") != null).forEach(e -> env.put(text(e, "name"), text(e, "value")));
    return env;
  }

  /** A container-level security setting, else the pod's. */
  private static String effective(Map<String, Object> container, Map<String, Object> pod, String key) {
    String value = text(container, key);
    return value != null ? value : text(pod, key);
  }

  private static String after(List<String> args, String flag) {
    int at = args.indexOf(flag);
    if (at < 0 || at + 1 >= args.size()) {
      fail(flag + " in " + args);
    }
    return args.get(at + 1);
  }
}
