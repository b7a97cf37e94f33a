package org.caseway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No secret in a committed file: the repository's configuration, documents and sources hold no
 * private key, and every password, secret, API key or JAAS line they write out is a placeholder
 * ({@code ${...}}), empty, or one of the embedded default's and the tests' clearly marked ones
 * ({@code local-only-...}, {@code test-only-...}). Production secrets come from the environment.
 */
class CommittedSecretsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "data", ".cifuzz-corpus",
      "node_modules", ".idea", ".mvn", "it-data");
  private static final Set<String> SCANNED = Set.of("yaml", "yml", "json", "properties", "xml", "java", "md", "sh",
      "jsonata", "xsl", "csv");
  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
  private static final String NAMES = "(password|passwd|secret|api-key|apikey|api_key|client-secret|sasl-jaas-config|jaas)";
  /** In configuration: {@code password: X}, {@code "secret": "X"}, {@code api-key=X}. */
  private static final Pattern ASSIGNED = Pattern.compile(
      "(?i)\"?" + NAMES + "\"?\\s*[:=]\\s*\"?([^\"\\s,}]+)");
  /** In code and prose, only a quoted literal: {@code PASSWORD = "X"}. */
  private static final Pattern LITERAL = Pattern.compile("(?i)" + NAMES + "\\w*\"?\\s*[:=]\\s*\"([^\"]+)\"");

  @Test
  void noCommittedFileHoldsAPrivateKeyOrARealSecret() {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files.filter(Files::isRegularFile).filter(CommittedSecretsTest::scanned).forEach(file -> inspect(file, found));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theScanWouldSeeOne() {
    List<String> found = new ArrayList<>();
    inspectText(Path.of("example.yaml"), "caseway:\n  housing-password: hunter2\n  api-key: ${X}\n", found);
    inspectText(Path.of("key.pem"), "-----BEGIN RSA PRIVATE " + "KEY-----\n", found);

    assertThat(found).hasSize(2);
  }

  private static boolean scanned(Path file) {
    for (Path part : ROOT.relativize(file)) {
      if (SKIPPED_DIRECTORIES.contains(part.toString())) {
        return false;
      }
    }
    String name = file.getFileName().toString();
    if (name.equals(CommittedSecretsTest.class.getSimpleName() + ".java")) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 && SCANNED.contains(name.substring(dot + 1));
  }

  private static void inspect(Path file, List<String> found) {
    try {
      inspectText(ROOT.relativize(file), Files.readString(file, StandardCharsets.UTF_8), found);
    } catch (MalformedInputException notUtf8) {
      // Fixtures in Windows-1252 (the police's older exports) hold no configuration.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void inspectText(Path file, String text, List<String> found) {
    if (PRIVATE_KEY.matcher(text).find()) {
      found.add(file + ": a private key");
    }
    String name = file.getFileName().toString();
    Matcher assigned = (name.endsWith(".java") || name.endsWith(".md") ? LITERAL : ASSIGNED).matcher(text);
    while (assigned.find()) {
      String value = assigned.group(2);
      if (!acceptable(value)) {
        found.add(file + ": " + assigned.group(1) + " = " + value);
      }
    }
  }

  /** Placeholders, code and prose that name a setting, and the marked local-only and test-only values. */
  private static boolean acceptable(String value) {
    String bare = value.replaceAll("[;)]+$", "");
    return bare.startsWith("${") || bare.startsWith("local-only-") || bare.startsWith("test-only-")
        || bare.isEmpty() || !bare.matches("[A-Za-z0-9+/=_-]+") || NOT_SECRETS.contains(bare.toLowerCase())
        || bare.matches("[A-Z][A-Z_]+");
  }

  /** Words that follow "password:" or "secret =" in prose and code without being one. */
  private static final Set<String> NOT_SECRETS = Set.of("true", "false", "null", "none", "required", "client-secret",
      "secret", "password", "string", "the", "a", "x-api-key", "x");
}
