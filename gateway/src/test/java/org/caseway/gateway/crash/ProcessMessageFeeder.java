package org.caseway.gateway.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.caseway.gateway.support.GatewayClient;

/**
 * The mental health trust's system sending risk flags to {@code $process-message}, as a careful
 * partner does: each message until the gateway acknowledges it (2xx), sending the same message
 * (same id) again after a failure without an answer (the gateway went away mid-request: in doubt)
 * or a transient refusal (503), with a new token after a 401 (a restarted local issuer forgets
 * its tokens). A message the gateway refuses for good (4xx) is not sent again.
 *
 * <p>The subjects are a dozen NHS numbers, so the journal's partitions all get work. Some messages
 * are deliberately broken (an invalid flag status): they must be refused and reach no one.
 * Several sender threads; the gateways to send to are the ports given, any that is up.
 */
final class ProcessMessageFeeder implements AutoCloseable {

  static final String TRUST = "northshire-mh-trust";
  private static final String EXAMPLE = "caseway-ig/examples/Bundle-example-risk-flag-raised.json";
  private static final String EXAMPLE_ID = "3f6c1d8a-2b4e-4c7a-9e1f-0a2b3c4d5e6f";
  private static final String EXAMPLE_HEADER_ID = "db2ebd98-96c1-52b7-bb82-462fd69aa738";
  private static final String EXAMPLE_NHS = "9434765919";

  private final String template;
  private final List<String> nhsNumbers = nhsNumbers(12);
  private final List<Integer> ports;
  private final Set<Integer> up = ConcurrentHashMap.newKeySet();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<Integer, String> tokens = new ConcurrentHashMap<>();
  private final List<Thread> senders = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final int total;
  private final int brokenEvery;
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final List<String> wronglyRefused = new CopyOnWriteArrayList<>();
  private final List<String> wronglyAccepted = new CopyOnWriteArrayList<>();
  private final Map<Integer, AtomicInteger> acceptedBy = new ConcurrentHashMap<>();
  private final AtomicInteger inDoubt = new AtomicInteger();
  private final AtomicInteger transientRefusals = new AtomicInteger();
  private volatile boolean closing;

  /**
   * @param total messages to send, broken ones included
   * @param brokenEvery every n-th message is broken (0: none)
   */
  ProcessMessageFeeder(List<Integer> ports, int total, int brokenEvery, int threads) {
    this.template = resource(EXAMPLE);
    this.ports = List.copyOf(ports);
    this.total = total;
    this.brokenEvery = brokenEvery;
    ports.forEach(p -> acceptedBy.put(p, new AtomicInteger()));
    for (int t = 0; t < threads; t++) {
      Thread sender = new Thread(this::sendAll, "trust-sender-" + t);
      sender.setDaemon(true);
      senders.add(sender);
    }
  }

  void start() {
    senders.forEach(Thread::start);
  }

  /** The gateway on {@code port} is started: senders may use it. */
  void up(int port) {
    signal(() -> up.add(port));
  }

  /** The gateway on {@code port} is about to go: senders leave it alone until it is up again. */
  void down(int port) {
    signal(() -> up.remove(port));
  }

  boolean finished() {
    return accepted.size() + refused.size() + wronglyRefused.size() + wronglyAccepted.size() >= total;
  }

  /** Message ids the gateway acknowledged, in the order the acknowledgements came. */
  List<String> accepted() {
    return List.copyOf(accepted);
  }

  int acceptedCount() {
    return accepted.size();
  }

  int acceptedBy(int port) {
    return acceptedBy.get(port).get();
  }

  /** Broken messages, refused as they must be. */
  List<String> refused() {
    return List.copyOf(refused);
  }

  /** Good messages the gateway refused for good, each with the status and body of the refusal: a failure of the test. */
  List<String> wronglyRefused() {
    return List.copyOf(wronglyRefused);
  }

  /** Sends that got no answer (connection refused or cut): each was sent again. */
  int inDoubt() {
    return inDoubt.get();
  }

  int transientRefusals() {
    return transientRefusals.get();
  }

  @Override
  public void close() {
    closing = true;
    signal(() -> { });
    for (Thread sender : senders) {
      try {
        sender.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void sendAll() {
    for (int i = next.getAndIncrement(); i < total && !closing; i = next.getAndIncrement()) {
      boolean broken = brokenEvery > 0 && i % brokenEvery == brokenEvery - 1;
      String id = UUID.randomUUID().toString();
      String body = message(id, nhsNumbers.get(i % nhsNumbers.size()), broken);
      sendUntilAnswered(id, body, broken, i);
    }
  }

  private void sendUntilAnswered(String id, String body, boolean broken, int i) {
    while (!closing) {
      int port = awaitAnyUp(i);
      if (port < 0) {
        return;
      }
      HttpResponse<String> response;
      try {
        response = post(port, body);
      } catch (IOException noAnswer) {
        inDoubt.incrementAndGet();
        pause();
        continue;
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        (broken ? wronglyAccepted : accepted).add(id);
        acceptedBy.get(port).incrementAndGet();
        return;
      }
      if (status == 401) {
        tokens.remove(port);
      } else if (status == 503 || status == 429 || status >= 500) {
        transientRefusals.incrementAndGet();
        pause();
      } else if (broken) {
        refused.add(id);
        return;
      } else {
        wronglyRefused.add(id + " (HTTP " + status + ": " + response.body() + ")");
        return;
      }
    }
  }

  /** Broken messages the gateway acknowledged: a failure of the test. */
  List<String> wronglyAccepted() {
    return List.copyOf(wronglyAccepted);
  }

  private HttpResponse<String> post(int port, String body) throws IOException {
    String token = tokens.get(port);
    if (token == null) {
      try {
        token = new GatewayClient(port).token(TRUST);
      } catch (UncheckedIOException | IllegalStateException noToken) {
        throw new IOException("no token from the gateway on port " + port, noToken);
      }
      tokens.put(port, token);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/$process-message"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", GatewayClient.FHIR_JSON)
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** A port whose gateway is up, spreading messages over them; -1 once closing. */
  private int awaitAnyUp(int i) {
    lock.lock();
    try {
      while (!closing) {
        List<Integer> open = ports.stream().filter(up::contains).toList();
        if (!open.isEmpty()) {
          return open.get(i % open.size());
        }
        changed.await(1, TimeUnit.SECONDS);
      }
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } finally {
      lock.unlock();
    }
  }

  /** After a failure: until the gateways' state changes, or 200 ms, whichever comes first. */
  private void pause() {
    lock.lock();
    try {
      changed.await(200, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  private void signal(Runnable change) {
    lock.lock();
    try {
      change.run();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private String message(String id, String nhsNumber, boolean broken) {
    String json = template.replace(EXAMPLE_ID, id).replace(EXAMPLE_HEADER_ID, UUID.randomUUID().toString())
        .replace(EXAMPLE_NHS, nhsNumber);
    if (!broken) {
      return json;
    }
    String brokenJson = json.replace("\"status\": \"active\",\n        \"code\"",
        "\"status\": \"no-such-status\",\n        \"code\"");
    if (brokenJson.equals(json)) {
      throw new IllegalStateException("The example changed: the flag's status is no longer where the test breaks it");
    }
    return brokenJson;
  }

  /** Valid NHS numbers (modulus 11 check digit), the example's first. */
  static List<String> nhsNumbers(int count) {
    List<String> numbers = new ArrayList<>(List.of(EXAMPLE_NHS));
    for (int base = 943_476_600; numbers.size() < count; base++) {
      String digits = String.valueOf(base);
      int sum = 0;
      for (int d = 0; d < 9; d++) {
        sum += (digits.charAt(d) - '0') * (10 - d);
      }
      int check = 11 - sum % 11;
      if (check == 11) {
        check = 0;
      }
      if (check != 10) {
        numbers.add(digits + check);
      }
    }
    return numbers;
  }

  private static String resource(String name) {
    try (InputStream in = ProcessMessageFeeder.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
