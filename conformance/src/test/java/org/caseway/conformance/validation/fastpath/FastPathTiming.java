package org.caseway.conformance.validation.fastpath;

import java.util.Arrays;
import java.util.Map;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.CasewayValidator.Mode;

/**
 * Prints the median µs per message of validation with the fast path and with the full validator
 * alone, for each example message of the guide, after a warm-up. A figure for bench/README, not a
 * test: nothing asserts on time. Run from the conformance module with the test class path:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) ...FastPathTiming [rounds]}.
 */
public final class FastPathTiming {

  private FastPathTiming() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    ImplementationGuide guide = ImplementationGuide.load();
    CasewayValidator fast = new CasewayValidator(guide, Mode.FAST_PATH);
    CasewayValidator full = new CasewayValidator(guide, Mode.FULL_ALWAYS);
    fast.warmUp();
    full.warmUp();
    System.out.printf("%-45s %12s %12s %8s%n", "example", "fast µs", "full µs", "ratio");
    for (Map.Entry<String, String> example : Corpus.examples().entrySet()) {
      if (!example.getKey().contains("Bundle-")) {
        continue;
      }
      double fastMedian = median(fast, example.getValue(), rounds);
      double fullMedian = median(full, example.getValue(), Math.max(20, rounds / 10));
      System.out.printf("%-45s %12.0f %12.0f %8.1f%n", example.getKey().substring("example ".length()),
          fastMedian, fullMedian, fullMedian / fastMedian);
    }
  }

  private static double median(CasewayValidator validator, String json, int rounds) {
    for (int i = 0; i < rounds / 2 + 5; i++) {
      validator.validate(json);
    }
    long[] times = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      if (validator.validate(json).hasErrors()) {
        throw new IllegalStateException("An example of the guide does not conform");
      }
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    return times[rounds / 2] / 1_000.0;
  }
}
