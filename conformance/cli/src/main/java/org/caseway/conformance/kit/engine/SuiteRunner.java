package org.caseway.conformance.kit.engine;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.caseway.conformance.kit.KitListener;
import org.caseway.conformance.kit.KitOptions;
import org.caseway.conformance.kit.Outcome;
import org.caseway.conformance.kit.SuiteResult;
import org.caseway.conformance.kit.TestResult;
import org.caseway.conformance.validation.CasewayValidator;
import org.hl7.fhir.r4.model.TestScript.TestScriptTestComponent;

/**
 * Runs a suite: reads its TestScripts, works out what the target is, runs each script (once per
 * input for scripts that check inputs), skips scripts above the requested level, and collects the
 * results in suite order. Use through {@code ConformanceKit}.
 */
public final class SuiteRunner {

  private final FhirContext fhir;
  private final Supplier<CasewayValidator> validator;

  public SuiteRunner(FhirContext fhir, Supplier<CasewayValidator> validator) {
    this.fhir = fhir;
    this.validator = validator;
  }

  /**
   * @param target a FHIR base URL ({@code http://...}), or, for suites that check messages, a file,
   *     a folder or a {@code kafka://host:port/topic}
   * @throws IllegalArgumentException when the suite or the target is unusable (nothing was sent)
   */
  public SuiteResult run(SuiteFiles files, String target, KitOptions options) {
    Instant started = Instant.now();
    long clock = System.nanoTime();
    List<LoadedScript> scripts = SuiteLoader.load(files, fhir);
    boolean checksInputs = scripts.stream().anyMatch(LoadedScript::checksInputs);
    List<Input> inputs = checksInputs ? inputs(target, options) : List.of();
    Optional<HttpTarget> http = httpTarget(target, checksInputs, options);
    RunContext context = new RunContext(fhir, validator, http, variables(options), options.level());
    Progress progress = new Progress(total(scripts, inputs.size()), options.listener());
    List<TestResult> results = new ArrayList<>();
    for (LoadedScript script : scripts) {
      for (Optional<Input> input : script.checksInputs() ? inputs.stream().map(Optional::of).toList() : List.of(Optional.<Input>empty())) {
        results.addAll(runScript(script, files, context, input, progress));
      }
    }
    return new SuiteResult(files.name(), target, options.partner(), options.level(), results, started, Duration.ofNanos(System.nanoTime() - clock));
  }

  private List<TestResult> runScript(LoadedScript script, SuiteFiles files, RunContext context, Optional<Input> input, Progress progress) {
    ScriptRun run = new ScriptRun(script, files, context, input);
    if (script.level().compareTo(context.requested()) > 0) {
      List<TestResult> skipped = new ArrayList<>();
      List<TestScriptTestComponent> tests = script.script().getTest();
      for (int i = 0; i < tests.size(); i++) {
        TestResult result = new TestResult(script.id(), run.testName(tests.get(i), i),
            tests.get(i).hasDescription() ? tests.get(i).getDescription() : "", script.level(), Outcome.SKIP,
            Optional.of("Not run: level " + script.level().code() + " is above the requested level " + context.requested().code()),
            List.of(), Duration.ZERO);
        progress.started(result.id());
        progress.finished(result);
        skipped.add(result);
      }
      return skipped;
    }
    return run.run(progress::started, progress::finished);
  }

  private static List<Input> inputs(String target, KitOptions options) {
    if (target.startsWith("http://") || target.startsWith("https://")) {
      throw new IllegalArgumentException("This suite checks messages a partner produced: give --target a file, a folder "
          + "or kafka://host:port/topic, not a URL");
    }
    if (target.startsWith("kafka://")) {
      return KafkaInputs.read(KafkaInputs.Location.parse(target), options.requestTimeout());
    }
    return FileInputs.read(Path.of(target));
  }

  private static Optional<HttpTarget> httpTarget(String target, boolean checksInputs, KitOptions options) {
    if (target.startsWith("http://") || target.startsWith("https://")) {
      return Optional.of(new HttpTarget(target, options.requestTimeout()));
    }
    if (!checksInputs) {
      throw new IllegalArgumentException(target.startsWith("kafka://")
          ? "This suite talks to a FHIR endpoint; Kafka targets are supported for the sender suite only (so far)"
          : "This suite talks to a FHIR endpoint: give --target its base URL, e.g. http://localhost:8080/fhir");
    }
    return Optional.empty();
  }

  private static Map<String, String> variables(KitOptions options) {
    Map<String, String> values = new HashMap<>(options.variables());
    options.partner().ifPresent(partner -> values.put("partner", partner));
    values.put("authorization", options.token().map(token -> "Bearer " + token).orElse(""));
    return values;
  }

  private static int total(List<LoadedScript> scripts, int inputs) {
    return scripts.stream().mapToInt(script -> script.script().getTest().size() * (script.checksInputs() ? inputs : 1)).sum();
  }

  /** Numbers the tests for the listener. */
  private static final class Progress {
    private final int total;
    private final KitListener listener;
    private int index;

    Progress(int total, KitListener listener) {
      this.total = total;
      this.listener = listener;
    }

    void started(String testId) {
      index++;
      listener.testStarted(index, total, testId);
    }

    void finished(TestResult result) {
      listener.testFinished(index, total, result);
    }
  }
}
