package org.caseway.conformance.kit.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the messages under test from a file, or from every {@code *.json} file under a folder. */
final class FileInputs {

  private FileInputs() {}

  /**
   * @return the inputs, in path order, each named by its path relative to {@code target} (its file
   *     name when {@code target} is a file)
   * @throws IllegalArgumentException when {@code target} is neither, or a folder without JSON files
   */
  static List<Input> read(Path target) {
    if (Files.isRegularFile(target)) {
      return List.of(input(target.getFileName().toString(), target));
    }
    if (!Files.isDirectory(target)) {
      throw new IllegalArgumentException("No such file or folder of messages: " + target);
    }
    try (Stream<Path> paths = Files.walk(target)) {
      List<Input> inputs = paths.filter(Files::isRegularFile)
          .filter(path -> path.getFileName().toString().endsWith(".json"))
          .sorted()
          .map(path -> input(target.relativize(path).toString(), path))
          .toList();
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("No *.json files in folder " + target);
      }
      return inputs;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + target, e);
    }
  }

  private static Input input(String name, Path file) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      // A byte-order mark (some partner exports have one) is not content.
      return new Input(name, text.startsWith("\uFEFF") ? text.substring(1) : text, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
