package org.caseway.mappings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What the fuzz profile relies on, checked for each module's fuzz tests (shared through this
 * module's test jar): Jazzer fuzzes only the first {@code @FuzzTest} of a JVM and skips the rest,
 * so each fuzz test class has exactly one (each runs in a fork of its own), and each is seeded with
 * a corpus of real inputs.
 */
public final class FuzzTargets {

  private FuzzTargets() {}

  /** Asserts it of every {@code *FuzzTest} class in {@code packageName} and below. */
  public static void assertEachHasOneTargetAndASeededCorpus(String packageName) {
    List<Class<?>> classes = ReflectionSupport.findAllClassesInPackage(packageName,
        type -> type.getSimpleName().endsWith("FuzzTest"), name -> true);

    assertThat(classes).isNotEmpty();
    for (Class<?> type : classes) {
      List<Method> targets = Arrays.stream(type.getDeclaredMethods())
          .filter(method -> method.isAnnotationPresent(FuzzTest.class)).toList();
      assertThat(targets).as(type.getSimpleName() + "'s @FuzzTest methods").hasSize(1);
      Path corpus = Path.of("src/test/resources", type.getPackageName().replace('.', '/'),
          type.getSimpleName() + "Inputs", targets.get(0).getName());
      try (Stream<Path> seeds = Files.list(corpus)) {
        assertThat(seeds.filter(Files::isRegularFile).count()).as("seeds in " + corpus).isPositive();
      } catch (IOException e) {
        throw new UncheckedIOException("No seed folder " + corpus + " for " + type.getSimpleName(), e);
      }
    }
  }
}
