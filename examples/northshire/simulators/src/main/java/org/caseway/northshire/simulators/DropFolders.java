package org.caseway.northshire.simulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * The partners that deliver by file drop: the police RMS export and the housing tenancy roll
 * (police-rms-csv.md, housing-soap.md). As the RMS does, it writes the data file first and its
 * {@code .done} marker second, so a reader that waits for the marker never sees half a file.
 *
 * <p>Stateless and thread-safe. Two drops of the same name into the same folder replace the data
 * file, as a partner writing the same export again would.
 */
public final class DropFolders {

  /** The suffix of the marker that says a data file is complete. */
  public static final String DONE_SUFFIX = ".done";

  private DropFolders() {}

  /**
   * Writes {@code content} as {@code folder/fileName}, then the empty marker {@code
   * folder/fileName.done}. The data file appears whole or not at all: it is written under a hidden
   * temporary name in the same folder and moved into place atomically.
   *
   * @param folder the drop folder; created if missing
   * @param fileName a plain file name such as {@link Samples#POLICE_EXPORT}, not a path
   * @return the data file's path
   * @throws IllegalArgumentException if {@code fileName} is blank, a path, or itself a marker name
   * @throws UncheckedIOException if the folder or a file cannot be written
   */
  public static Path drop(Path folder, String fileName, byte[] content) {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(content, "content");
    requirePlainName(fileName);
    try {
      Files.createDirectories(folder);
      Path data = writeAtomically(folder, fileName, content);
      Files.write(folder.resolve(fileName + DONE_SUFFIX), new byte[0]);
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not drop " + fileName + " into " + folder, e);
    }
  }

  private static Path writeAtomically(Path folder, String fileName, byte[] content) throws IOException {
    // A leading dot keeps the half-written file out of any reader's name pattern.
    Path temp = Files.createTempFile(folder, "." + fileName + ".", ".tmp");
    try {
      Files.write(temp, content);
      return Files.move(temp, folder.resolve(fileName),
          StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void requirePlainName(String fileName) {
    if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")
        || fileName.startsWith(".") || fileName.endsWith(DONE_SUFFIX)) {
      throw new IllegalArgumentException("A drop takes a plain data file name such as "
          + Samples.POLICE_EXPORT + " (no folder, no leading dot, not a " + DONE_SUFFIX
          + " marker), not '" + fileName + "'");
    }
  }
}
