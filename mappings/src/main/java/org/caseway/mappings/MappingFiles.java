package org.caseway.mappings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one mapping folder, on the classpath ({@code caseway-mappings/<id>/}) or in a
 * directory. Names are relative to the folder; a name that climbs out of it is refused.
 */
public interface MappingFiles {

  /** Where the folder is, for messages ({@code classpath:caseway-mappings/police-rms-csv/}). */
  String location();

  /** Whether the folder holds that file. */
  boolean exists(String name);

  /**
   * The file's text (UTF-8).
   *
   * @throws MappingException {@link MappingErrorCode#MAPPING_INVALID} when it is missing
   */
  String read(String name);

  /** The folder {@code dir}. */
  static MappingFiles directory(Path dir) {
    return new MappingFiles() {
      @Override
      public String location() {
        return dir.toString();
      }

      @Override
      public boolean exists(String name) {
        return Files.isRegularFile(resolve(name));
      }

      @Override
      public String read(String name) {
        try {
          return Files.readString(resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new MappingException(MappingErrorCode.MAPPING_INVALID,
              "Cannot read " + name + " in the mapping folder " + dir + ": " + e.getMessage(), e);
        }
      }

      private Path resolve(String name) {
        Path file = dir.resolve(checked(name)).normalize();
        if (!file.startsWith(dir.normalize())) {
          throw new MappingException(MappingErrorCode.MAPPING_INVALID,
              "The mapping in " + dir + " names the file '" + name + "' outside its folder.");
        }
        return file;
      }
    };
  }

  /** The classpath folder {@code caseway-mappings/<id>/}. */
  static MappingFiles classpath(String id, ClassLoader loader) {
    String folder = "caseway-mappings/" + id + "/";
    return new MappingFiles() {
      @Override
      public String location() {
        return "classpath:" + folder;
      }

      @Override
      public boolean exists(String name) {
        return loader.getResource(folder + checked(name)) != null;
      }

      @Override
      public String read(String name) {
        try (InputStream in = loader.getResourceAsStream(folder + checked(name))) {
          if (in == null) {
            throw new MappingException(MappingErrorCode.MAPPING_INVALID,
                "The mapping " + location() + " has no file '" + name + "'.");
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new MappingException(MappingErrorCode.MAPPING_INVALID,
              "Cannot read " + name + " in " + location() + ": " + e.getMessage(), e);
        }
      }
    };
  }

  private static String checked(String name) {
    if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
      throw new MappingException(MappingErrorCode.MAPPING_INVALID,
          "A mapping file name must be a plain relative name, not '" + name + "'.");
    }
    return name;
  }
}
