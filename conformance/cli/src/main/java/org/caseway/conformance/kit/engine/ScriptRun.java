package org.caseway.conformance.kit.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.caseway.conformance.kit.Exchange;
import org.caseway.conformance.kit.Outcome;
import org.caseway.conformance.kit.Step;
import org.caseway.conformance.kit.TestResult;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.hapi.fluentpath.FhirPathR4;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.TestScript;
import org.hl7.fhir.r4.model.TestScript.SetupActionAssertComponent;
import org.hl7.fhir.r4.model.TestScript.SetupActionOperationComponent;
import org.hl7.fhir.r4.model.TestScript.TestScriptTestComponent;
import org.hl7.fhir.r4.model.TestScript.TestScriptVariableComponent;

/**
 * One run of one TestScript: its setup, each of its tests, its teardown, with one set of fixtures
 * and variables. For a script that checks inputs, one run per input, with the input fixture bound
 * to it. A failed setup errs every test. Within a test, an operation that gets no answer ends the
 * test (the rest is not run); a failed assert does not. Not thread-safe; used once.
 */
final class ScriptRun {

  /** The fixture id under which the last response is kept: asserts without sourceId look at it. */
  static final String LAST_RESPONSE = "(last response)";

  private final LoadedScript loaded;
  private final RunContext context;
  private final Optional<Input> input;
  private final Fixtures fixtures;
  private final Variables variables;
  private final OperationRunner operations;
  private final AssertEvaluator asserts;
  private final FhirPathR4 fhirPath;
  private Optional<Exchange> lastExchange = Optional.empty();

  ScriptRun(LoadedScript loaded, SuiteFiles files, RunContext context, Optional<Input> input) {
    this.loaded = loaded;
    this.context = context;
    this.input = input;
    TestScript script = loaded.script();
    this.fhirPath = new FhirPathR4(context.fhir());
    this.variables = new Variables(givenVariables(script, context.variables()), this::computed);
    this.fixtures = new Fixtures(files, script.getFixture(), context.fhir(), variables);
    input.ifPresent(in -> fixtures.bind(loaded.inputFixtureId(),
        new Content("the input " + in.name(), in.text(), in.headers(), context.fhir())));
    this.operations = new OperationRunner(context.target(), fixtures, variables);
    this.asserts = new AssertEvaluator(fixtures, variables, new ExpressionAssert(fhirPath), context.validator(),
        profiles(script));
  }

  /**
   * Runs the script.
   *
   * @param started told as each test starts, with its id
   * @param finished told as each test ends, with its result
   * @return one result per test, in order
   */
  List<TestResult> run(Consumer<String> started, Consumer<TestResult> finished) {
    List<Step> setup = new ArrayList<>();
    if (loaded.script().hasSetup()) {
      for (TestScript.SetupActionComponent action : loaded.script().getSetup().getAction()) {
        if (!runAction(action.getOperation(), action.getAssert(), setup)) {
          break;
        }
      }
    }
    Optional<Step> setupProblem = setup.stream().filter(step -> step.outcome().isProblem()).findFirst();
    List<TestResult> results = new ArrayList<>();
    for (TestScriptTestComponent test : loaded.script().getTest()) {
      started.accept(loaded.id() + "/" + testName(test, results.size()));
      TestResult result = setupProblem.isPresent() ? setupFailed(test, results.size(), setup, setupProblem.get()) : runTest(test, results.size());
      finished.accept(result);
      results.add(result);
    }
    teardown();
    return results;
  }

  /** The name a test gets in results: its own (or test-N), and the input it checked. */
  String testName(TestScriptTestComponent test, int index) {
    String name = test.hasName() ? test.getName() : "test-" + (index + 1);
    return input.map(in -> name + " [" + in.name() + "]").orElse(name);
  }

  private TestResult runTest(TestScriptTestComponent test, int index) {
    long started = System.nanoTime();
    List<Step> steps = new ArrayList<>();
    for (TestScript.TestActionComponent action : test.getAction()) {
      if (!runAction(action.getOperation(), action.getAssert(), steps)) {
        break;
      }
    }
    return result(test, index, steps, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Runs an operation or an assert; false when the test cannot go on (an operation got no answer). */
  private boolean runAction(SetupActionOperationComponent operation, SetupActionAssertComponent assertion, List<Step> steps) {
    if (operation != null && !operation.isEmpty()) {
      return runOperation(operation, steps);
    }
    if (assertion != null && !assertion.isEmpty()) {
      steps.add(asserts.evaluate(assertion, lastExchange));
    }
    return true;
  }

  private boolean runOperation(SetupActionOperationComponent operation, List<Step> steps) {
    String label = OperationRunner.describe(operation);
    Exchange exchange;
    try {
      exchange = operations.run(operation);
    } catch (KitException e) {
      steps.add(Step.operation(label, Outcome.ERROR, label + ": cannot be sent: " + e.getMessage(), null));
      return false;
    }
    lastExchange = Optional.of(exchange);
    Content response = new Content("the response to " + label, exchange.responseBody(), exchange.responseHeaders(), context.fhir());
    fixtures.bind(LAST_RESPONSE, response);
    if (operation.hasResponseId()) {
      fixtures.bind(operation.getResponseId(), response);
    }
    if (exchange.transportError().isPresent()) {
      steps.add(Step.operation(label, Outcome.ERROR, label + ": " + exchange.summary(), exchange));
      return false;
    }
    steps.add(Step.operation(label, Outcome.PASS, exchange.summary(), exchange));
    return true;
  }

  private TestResult result(TestScriptTestComponent test, int index, List<Step> steps, Duration elapsed) {
    Outcome outcome = outcome(steps);
    Optional<String> reason = steps.stream()
        .filter(step -> outcome == Outcome.SKIP ? step.outcome() == Outcome.SKIP : step.outcome().isProblem())
        .findFirst()
        .map(Step::message);
    return new TestResult(loaded.id(), testName(test, index), description(test), loaded.level(), outcome,
        outcome == Outcome.PASS ? Optional.empty() : reason, steps, elapsed);
  }

  private static Outcome outcome(List<Step> steps) {
    if (steps.stream().anyMatch(step -> step.outcome() == Outcome.ERROR)) {
      return Outcome.ERROR;
    }
    if (steps.stream().anyMatch(step -> step.outcome() == Outcome.FAIL)) {
      return Outcome.FAIL;
    }
    boolean anyChecked = steps.stream().anyMatch(step -> step.kind() == Step.Kind.ASSERT
        && (step.outcome() == Outcome.PASS || step.outcome() == Outcome.WARNING));
    boolean anySkipped = steps.stream().anyMatch(step -> step.outcome() == Outcome.SKIP);
    return anySkipped && !anyChecked ? Outcome.SKIP : Outcome.PASS;
  }

  private TestResult setupFailed(TestScriptTestComponent test, int index, List<Step> setup, Step problem) {
    return new TestResult(loaded.id(), testName(test, index), description(test), loaded.level(), Outcome.ERROR,
        Optional.of("The script's setup failed: " + problem.message()), setup, Duration.ZERO);
  }

  private void teardown() {
    if (!loaded.script().hasTeardown()) {
      return;
    }
    // Teardown tidies the target; its results do not change any test's, and are not reported.
    loaded.script().getTeardown().getAction().forEach(action -> {
      try {
        operations.run(action.getOperation());
      } catch (KitException ignored) {
        // Nothing to tidy then.
      }
    });
  }

  private static String description(TestScriptTestComponent test) {
    return test.hasDescription() ? test.getDescription() : "";
  }

  /** The given variables, under the script's own defaults. */
  private static Map<String, String> givenVariables(TestScript script, Map<String, String> given) {
    Map<String, String> values = new HashMap<>();
    for (TestScriptVariableComponent variable : script.getVariable()) {
      if (variable.hasDefaultValue() && !variable.hasExpression() && !variable.hasHeaderField()) {
        values.put(variable.getName(), variable.getDefaultValue());
      }
    }
    values.putAll(given);
    return values;
  }

  /** A script variable computed from a fixture or response; null if {@code name} is not one. */
  private String computed(String name) {
    for (TestScriptVariableComponent variable : loaded.script().getVariable()) {
      if (name.equals(variable.getName())) {
        return compute(variable);
      }
    }
    return null;
  }

  private String compute(TestScriptVariableComponent variable) {
    String source = variable.hasSourceId() ? variable.getSourceId() : LAST_RESPONSE;
    Content content = fixtures.get(source);
    if (variable.hasHeaderField()) {
      List<String> values = content.headers().getOrDefault(variable.getHeaderField().toLowerCase(java.util.Locale.ROOT), List.of());
      return values.isEmpty() ? variable.getDefaultValue() : values.get(0);
    }
    if (variable.hasExpression()) {
      IBase root = content.resource().orElseThrow(() -> new KitException(
          "the variable " + variable.getName() + " reads " + content.name() + ", but " + content.parseError()));
      List<IBase> values = fhirPath.evaluate(root, variable.getExpression(), IBase.class);
      if (values.isEmpty()) {
        return variable.getDefaultValue();
      }
      return values.get(0) instanceof IPrimitiveType<?> primitive ? primitive.getValueAsString() : values.get(0).fhirType();
    }
    throw new KitException("the variable " + variable.getName() + " has no defaultValue, expression or headerField this kit can use");
  }

  private static Map<String, String> profiles(TestScript script) {
    Map<String, String> profiles = new HashMap<>();
    for (Reference profile : script.getProfile()) {
      profiles.put(profile.hasId() ? profile.getId() : profile.getReference(), profile.getReference());
    }
    return profiles;
  }
}
