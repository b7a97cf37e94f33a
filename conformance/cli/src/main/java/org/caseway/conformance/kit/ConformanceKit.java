package org.caseway.conformance.kit;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.kit.engine.SuiteFiles;
import org.caseway.conformance.kit.engine.SuiteRunner;
import org.caseway.conformance.validation.CasewayValidator;

/**
 * The Caseway conformance kit as a Java API: runs a suite of FHIR TestScripts against a target and
 * returns every test's result and the level reached. What {@code caseway-conformance.jar test} does,
 * without the reports (see {@code org.caseway.conformance.kit.report}).
 *
 * <pre>{@code
 * ConformanceKit kit = new ConformanceKit(validator);            // the gateway's warmed-up CasewayValidator
 * SuiteResult result = kit.run("gateway", "http://localhost:" + port + "/fhir",
 *     KitOptions.defaults().withToken(token).withPartner("northshire-mh-trust"));
 * assertThat(result.passed()).as(result.toString()).isTrue();      // every test at the requested level passed
 * result.levelReached();                                          // Optional.of(Level.FULL)
 * }</pre>
 *
 * <p>Thread-safe: one kit may run several suites at once. A run makes real requests to the target
 * (the receiver and gateway suites send real messages: use a test deployment) and blocks until
 * the suite has run.
 */
public final class ConformanceKit {

  private final Supplier<CasewayValidator> validator;

  /** A kit that builds its own validator on first need (several seconds). */
  public ConformanceKit() {
    this.validator = new Memo<>(() -> new CasewayValidator(ImplementationGuide.load()));
  }

  /**
   * @param validator the validator to judge content with; shared, thread-safe
   */
  public ConformanceKit(CasewayValidator validator) {
    Objects.requireNonNull(validator, "validator");
    this.validator = () -> validator;
  }

  /**
   * Runs a suite.
   *
   * @param suite a suite name: one of {@link #suites()}, or a folder under {@code
   *     options.suitesDir()}
   * @param target a FHIR base URL for the receiver and gateway suites (e.g. {@code
   *     http://localhost:8080/fhir}); a file, a folder of {@code *.json} messages or {@code
   *     kafka://host:port/topic} for the sender suite
   * @return the results; never null. Failing tests are results, not exceptions
   * @throws IllegalArgumentException when the suite does not exist or is broken, or the target is
   *     not one the suite can use (nothing has been sent then)
   */
  public SuiteResult run(String suite, String target, KitOptions options) {
    Objects.requireNonNull(options, "options");
    SuiteFiles files = SuiteFiles.find(Objects.requireNonNull(suite, "suite"), options.suitesDir());
    return new SuiteRunner(ImplementationGuide.load().fhirContext(), validator).run(files, Objects.requireNonNull(target, "target"), options);
  }

  /** The names of the kit's own suites: {@code gateway}, {@code receiver}, {@code sender}. */
  public static List<String> suites() {
    return SuiteFiles.builtInSuites();
  }

  /** Computes a value once, on first use; thread-safe. */
  private static final class Memo<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private volatile T value;

    Memo(Supplier<T> compute) {
      this.compute = compute;
    }

    @Override
    public T get() {
      T result = value;
      if (result == null) {
        synchronized (this) {
          if (value == null) {
            value = compute.get();
          }
          result = value;
        }
      }
      return result;
    }
  }
}
