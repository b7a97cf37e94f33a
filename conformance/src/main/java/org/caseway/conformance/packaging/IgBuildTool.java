package org.caseway.conformance.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build-time step, run by the conformance module's build in {@code process-classes}:
 *
 * <ol>
 *   <li>writes {@code caseway-ig/index.txt}, the list of guide files that {@link
 *       org.caseway.conformance.ImplementationGuide} reads, because a classpath folder cannot be
 *       listed portably once it is inside a jar;
 *   <li>lays out the guide as a FHIR NPM package in {@code target/npm/package/}, which the build
 *       then packs into {@code target/caseway.fhir.core-<version>.tgz} (see {@link
 *       NpmPackageLayout}).
 * </ol>
 *
 * <p>Arguments: the guide's source folder, the guide folder in the classes directory, the build
 * directory and the guide version.
 */
public final class IgBuildTool {

  /** Name of the index file, relative to the guide folder. */
  public static final String INDEX_FILE = "index.txt";

  private IgBuildTool() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: IgBuildTool GUIDE_SOURCE_DIR GUIDE_CLASSES_DIR BUILD_DIR GUIDE_VERSION");
    }
    Path sourceDir = Path.of(args[0]);
    Path classesDir = Path.of(args[1]);
    Path buildDir = Path.of(args[2]);
    List<String> files = listGuideFiles(sourceDir);
    Files.write(classesDir.resolve(INDEX_FILE), files);
    new NpmPackageLayout(sourceDir, args[3]).writeTo(buildDir.resolve("npm"), files);
  }

  /** Relative paths ('/'-separated, sorted) of every JSON file under the guide folder. */
  static List<String> listGuideFiles(Path guideDir) throws IOException {
    try (Stream<Path> paths = Files.walk(guideDir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .map(p -> guideDir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
