package org.caseway.conformance.kit.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step: writes {@code index.txt}, the list of the kit's suite files (paths relative to
 * {@code caseway-suites/}, sorted), so that {@link SuiteFiles} can find them inside a jar. Listed
 * from the sources, so a deleted file does not linger in the index.
 *
 * <p>Arguments: the source folder, the output folder.
 */
public final class SuiteIndexTool {

  private SuiteIndexTool() {}

  public static void main(String[] args) throws IOException {
    Path source = Path.of(args[0]);
    Path output = Path.of(args[1]);
    List<String> files;
    try (Stream<Path> paths = Files.walk(source)) {
      files = paths.filter(Files::isRegularFile)
          .map(path -> source.relativize(path).toString().replace('\\', '/'))
          .filter(path -> !path.equals("index.txt"))
          .sorted()
          .toList();
    }
    Files.createDirectories(output);
    Files.writeString(output.resolve("index.txt"), String.join("\n", files) + "\n", StandardCharsets.UTF_8);
  }
}
