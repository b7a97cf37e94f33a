package org.caseway.northshire.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A drop is the data file, whole, then its marker, and nothing else left behind. */
class DropFoldersTest {

  @TempDir Path dir;

  @Test
  void writesTheFileByteForByteAndAnEmptyMarkerIntoANewFolder() throws Exception {
    Path folder = dir.resolve("police/in");
    byte[] export = Samples.bytes(Samples.POLICE_EXPORT);

    Path data = DropFolders.drop(folder, Samples.POLICE_EXPORT, export);

    assertThat(data).isEqualTo(folder.resolve(Samples.POLICE_EXPORT));
    assertThat(Files.readAllBytes(data)).isEqualTo(export);
    assertThat(folder.resolve(Samples.POLICE_EXPORT + ".done")).isEmptyFile();
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(Samples.POLICE_EXPORT, Samples.POLICE_EXPORT + ".done");
    }
  }

  @Test
  void theDataFileAppearsBeforeItsMarker() throws Exception {
    // Watch events are ordered on Linux (inotify); elsewhere the JDK polls and merges them.
    assumeTrue(System.getProperty("os.name").startsWith("Linux"));
    Files.createDirectories(dir.resolve("roll"));
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      dir.resolve("roll").register(watcher, StandardWatchEventKinds.ENTRY_CREATE);

      DropFolders.drop(dir.resolve("roll"), Samples.TENANCY_ROLL, Samples.bytes(Samples.TENANCY_ROLL));

      assertThat(createdNames(watcher, 2)).containsExactly(Samples.TENANCY_ROLL, Samples.TENANCY_ROLL + ".done");
    }
  }

  @Test
  void aSecondDropOfTheSameNameReplacesTheFile() throws Exception {
    DropFolders.drop(dir, "TENANCY_ROLL_20261104.csv", new byte[] {1, 2, 3});

    Path data = DropFolders.drop(dir, "TENANCY_ROLL_20261104.csv", new byte[] {4});

    assertThat(Files.readAllBytes(data)).containsExactly(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sub/ASB_EXPORT_1.csv", ".hidden.csv", "ASB_EXPORT_1.csv.done"})
  void refusesANameThatIsNotAPlainDataFileName(String name) {
    assertThatThrownBy(() -> DropFolders.drop(dir, name, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The names of the first files created that are not the drop's own temporary files. */
  private static List<String> createdNames(WatchService watcher, int count) throws InterruptedException {
    List<String> names = new ArrayList<>();
    while (names.size() < count) {
      WatchKey key = watcher.poll(10, TimeUnit.SECONDS);
      assertThat(key).as("file events").isNotNull();
      for (WatchEvent<?> event : key.pollEvents()) {
        String name = event.context().toString();
        if (!name.startsWith(".")) {
          names.add(name);
        }
      }
      key.reset();
    }
    return names;
  }
}
