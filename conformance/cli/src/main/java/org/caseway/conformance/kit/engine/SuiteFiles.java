package org.caseway.conformance.kit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The files of one suite: its TestScripts ({@code TestScript-*.json} directly in the suite's
 * folder, run in name order) and whatever else they reference by a path relative to that folder
 * (fixtures). Suites come from a folder ({@code --suites-dir}) or from the kit's classpath folder
 * {@code caseway-suites/}, listed by the {@code index.txt} the build writes there (a classpath
 * cannot be listed portably inside a jar). Immutable.
 */
public final class SuiteFiles {

  static final String CLASSPATH_ROOT = "caseway-suites/";
  private static final String SCRIPT_PREFIX = "TestScript-";

  private final String name;
  private final String location;
  private final List<String> scripts;
  private final Function<String, Optional<String>> reader;

  private SuiteFiles(String name, String location, List<String> scripts, Function<String, Optional<String>> reader) {
    this.name = name;
    this.location = location;
    this.scripts = List.copyOf(scripts);
    this.reader = reader;
  }

  /**
   * The suite {@code name}: from {@code suitesDir/name/} when that folder exists, else the kit's own.
   *
   * @throws IllegalArgumentException naming the suites there are, when there is no such suite
   */
  public static SuiteFiles find(String name, Optional<Path> suitesDir) {
    if (suitesDir.isPresent() && Files.isDirectory(suitesDir.get().resolve(name))) {
      return fromDirectory(name, suitesDir.get().resolve(name));
    }
    List<String> index = classpathIndex();
    List<String> scripts = index.stream()
        .filter(path -> path.startsWith(name + "/" + SCRIPT_PREFIX) && path.endsWith(".json"))
        .map(path -> path.substring(name.length() + 1))
        .filter(path -> !path.contains("/"))
        .sorted()
        .toList();
    if (scripts.isEmpty()) {
      throw new IllegalArgumentException("No suite named '" + name + "'; the kit's suites are "
          + String.join(", ", builtInSuites(index)) + suitesDir.map(dir -> ", or a folder " + name + " in " + dir).orElse(""));
    }
    return new SuiteFiles(name, "kit:" + name, scripts, path -> classpathText(CLASSPATH_ROOT + name + "/" + path));
  }

  /** The names of the kit's own suites, sorted. */
  public static List<String> builtInSuites() {
    return builtInSuites(classpathIndex());
  }

  private static List<String> builtInSuites(List<String> index) {
    return index.stream()
        .filter(path -> path.contains("/" + SCRIPT_PREFIX))
        .map(path -> path.substring(0, path.indexOf('/')))
        .distinct()
        .sorted()
        .toList();
  }

  private static SuiteFiles fromDirectory(String name, Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> scripts = files
          .map(file -> file.getFileName().toString())
          .filter(file -> file.startsWith(SCRIPT_PREFIX) && file.endsWith(".json"))
          .sorted()
          .toList();
      if (scripts.isEmpty()) {
        throw new IllegalArgumentException("The suite folder " + dir + " holds no " + SCRIPT_PREFIX + "*.json");
      }
      return new SuiteFiles(name, dir.toString(), scripts, path -> fileText(dir, path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  /** The suite's name, e.g. {@code receiver}. */
  public String name() {
    return name;
  }

  /** Where it was read from: a folder, or {@code kit:<name>}. */
  public String location() {
    return location;
  }

  /** The TestScript file names, in run order. */
  List<String> scripts() {
    return scripts;
  }

  /**
   * The text of a file of the suite, or of the guide when the path starts {@code caseway-ig/}
   * (e.g. {@code caseway-ig/examples/Bundle-example-referral.json}).
   *
   * @return empty if there is no such file
   */
  Optional<String> read(String path) {
    if (path.startsWith("caseway-ig/")) {
      return classpathText(path);
    }
    return reader.apply(path);
  }

  private static Optional<String> fileText(Path dir, String path) {
    Path file = dir.resolve(path).normalize();
    if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static List<String> classpathIndex() {
    return classpathText(CLASSPATH_ROOT + "index.txt")
        .map(text -> text.lines().filter(line -> !line.isBlank()).toList())
        .orElseThrow(() -> new IllegalStateException(
            "The kit's suite index " + CLASSPATH_ROOT + "index.txt is missing from the classpath (a build defect)"));
  }

  private static Optional<String> classpathText(String path) {
    if (path.contains("..")) {
      return Optional.empty();
    }
    try (InputStream in = SuiteFiles.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
