package org.caseway.conformance.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns command-line arguments into the files to read: files as given, directories searched. */
final class InputFiles {

  private InputFiles() {}

  /**
   * The files named, and the {@code *.json} files under the directories named (sorted, so output
   * is stable), in argument order.
   *
   * @throws IllegalArgumentException naming the first argument that is neither a file nor a
   *     directory, or a directory without JSON files
   */
  static List<Path> expand(List<String> args) {
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      Path path = Path.of(arg);
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        List<Path> found = jsonFilesUnder(path);
        if (found.isEmpty()) {
          throw new IllegalArgumentException("No *.json files in directory " + arg);
        }
        files.addAll(found);
      } else {
        throw new IllegalArgumentException("No such file or directory: " + arg);
      }
    }
    return files;
  }

  private static List<Path> jsonFilesUnder(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }
}
