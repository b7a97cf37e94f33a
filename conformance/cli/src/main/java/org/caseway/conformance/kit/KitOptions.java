package org.caseway.conformance.kit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a suite. Immutable; build with {@link #defaults()} and the {@code with...} methods.
 *
 * @param level the level to establish: tests above it are skipped; default {@link Level#FULL}
 * @param token the bearer token to send where a suite's requests carry {@code
 *     Authorization: ${authorization}}; never written to a report
 * @param partner the partner id whose conformance is tested (sender suite: who produced the
 *     messages; gateway suite: whom the token was issued to); the variable {@code partner}
 * @param variables values for the suites' TestScript variables, overriding their defaults (e.g.
 *     {@code responseWithin=PT2S})
 * @param suitesDir a folder holding suites ({@code <suitesDir>/<suite>/*.json}), searched before
 *     the kit's own
 * @param requestTimeout how long to wait for any one answer before the test errs; default 30 s
 * @param listener told as each test starts and ends (the CLI's progress line); default none
 */
public record KitOptions(
    Level level,
    Optional<String> token,
    Optional<String> partner,
    Map<String, String> variables,
    Optional<Path> suitesDir,
    Duration requestTimeout,
    KitListener listener) {

  public KitOptions {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(partner, "partner");
    variables = Map.copyOf(variables);
    Objects.requireNonNull(suitesDir, "suitesDir");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(listener, "listener");
  }

  /** Level full, no token, no partner, no variables, the kit's own suites, 30 s, no listener. */
  public static KitOptions defaults() {
    return new KitOptions(Level.FULL, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
        Duration.ofSeconds(30), KitListener.NONE);
  }

  public KitOptions withLevel(Level level) {
    return new KitOptions(level, token, partner, variables, suitesDir, requestTimeout, listener);
  }

  public KitOptions withToken(String token) {
    return new KitOptions(level, Optional.of(token), partner, variables, suitesDir, requestTimeout, listener);
  }

  public KitOptions withPartner(String partner) {
    return new KitOptions(level, token, Optional.of(partner), variables, suitesDir, requestTimeout, listener);
  }

  /** These options with one more variable value (replacing an earlier one of the same name). */
  public KitOptions withVariable(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(variables);
    more.put(name, value);
    return new KitOptions(level, token, partner, more, suitesDir, requestTimeout, listener);
  }

  public KitOptions withSuitesDir(Path suitesDir) {
    return new KitOptions(level, token, partner, variables, Optional.of(suitesDir), requestTimeout, listener);
  }

  public KitOptions withRequestTimeout(Duration requestTimeout) {
    return new KitOptions(level, token, partner, variables, suitesDir, requestTimeout, listener);
  }

  public KitOptions withListener(KitListener listener) {
    return new KitOptions(level, token, partner, variables, suitesDir, requestTimeout, listener);
  }

  @Override
  public String toString() {
    // Never print the token.
    return "KitOptions[level=" + level + ", token=" + token.map(t -> "(redacted)").orElse("none")
        + ", partner=" + partner.orElse("none") + ", variables=" + variables + ", suitesDir="
        + suitesDir.map(Path::toString).orElse("built-in") + ", requestTimeout=" + requestTimeout + "]";
  }
}
