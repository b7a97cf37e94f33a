package org.caseway.mappings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * The mapping catalogue: mapping folders on the classpath under {@code caseway-mappings/<id>/}
 * and, optionally, in a directory given at run time ({@code <dir>/<id>/mapping.yaml}), so that a
 * new partner needs a folder of files and no Java. A folder in the directory wins over the
 * classpath folder of the same id (agency IT can change a shipped mapping without a release).
 *
 * <p>Thread-safe: each mapping is compiled once, on first use, and shared.
 */
public final class Mappings {

  private static final String INDEX = "caseway-mappings/index.txt";

  private final Optional<Path> directory;
  private final MappingEngines engines;
  private final ClassLoader loader;
  private final ConcurrentMap<String, Mapper> compiled = new ConcurrentHashMap<>();

  public Mappings(Optional<Path> directory, MappingEngines engines, ClassLoader loader) {
    this.directory = directory.map(path -> path.toAbsolutePath().normalize());
    this.engines = engines;
    this.loader = loader;
  }

  /** The shipped mappings only, with the default limits. */
  public static Mappings onClasspath() {
    return new Mappings(Optional.empty(), MappingEngines.standard(InputLimits.DEFAULT),
        Mappings.class.getClassLoader());
  }

  /** The shipped mappings and those in {@code directory}, with the default limits. */
  public static Mappings withDirectory(Path directory) {
    return new Mappings(Optional.of(directory), MappingEngines.standard(InputLimits.DEFAULT),
        Mappings.class.getClassLoader());
  }

  /**
   * The compiled mapping {@code id}.
   *
   * @throws MappingException {@link MappingErrorCode#MAPPING_NOT_FOUND} when no folder has it,
   *     {@link MappingErrorCode#MAPPING_INVALID} when its files are broken
   */
  public Mapper mapper(String id) {
    return compiled.computeIfAbsent(id, this::compile);
  }

  /** The ids of every mapping found, sorted. */
  public TreeSet<String> ids() {
    TreeSet<String> ids = new TreeSet<>(classpathIndex());
    directory.ifPresent(dir -> ids.addAll(directoryIds(dir)));
    return ids;
  }

  private Mapper compile(String id) {
    MappingFiles files = folder(id);
    MappingDefinition definition = MappingDefinition.read(id, files);
    return engines.engineFor(definition).compile(definition, files);
  }

  private MappingFiles folder(String id) {
    if (directory.isPresent()) {
      MappingFiles inDirectory = MappingFiles.directory(directory.get().resolve(safe(id)));
      if (inDirectory.exists("mapping.yaml")) {
        return inDirectory;
      }
    }
    MappingFiles onClasspath = MappingFiles.classpath(safe(id), loader);
    if (onClasspath.exists("mapping.yaml")) {
      return onClasspath;
    }
    throw new MappingException(MappingErrorCode.MAPPING_NOT_FOUND, "No mapping '" + id + "'"
        + directory.map(dir -> " in " + dir + " or").orElse("") + " among the shipped mappings "
        + classpathIndex() + ". A mapping is a folder <id>/ holding mapping.yaml.");
  }

  private static String safe(String id) {
    if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      throw new MappingException(MappingErrorCode.MAPPING_NOT_FOUND,
          "'" + id + "' is not a mapping id (lower-case letters, digits and dashes).");
    }
    return id;
  }

  private TreeSet<String> classpathIndex() {
    TreeSet<String> ids = new TreeSet<>();
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      if (in != null) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(ids::add);
      }
    } catch (IOException e) {
      throw new MappingException(MappingErrorCode.MAPPING_INVALID, "Cannot read " + INDEX, e);
    }
    return ids;
  }

  private static TreeSet<String> directoryIds(Path dir) {
    TreeSet<String> ids = new TreeSet<>();
    try (Stream<Path> folders = Files.list(dir)) {
      folders.filter(folder -> Files.isRegularFile(folder.resolve("mapping.yaml")))
          .forEach(folder -> ids.add(folder.getFileName().toString()));
    } catch (IOException e) {
      throw new MappingException(MappingErrorCode.MAPPING_NOT_FOUND,
          "Cannot list the mappings directory " + dir + ": " + e.getMessage(), e);
    }
    return ids;
  }
}
