package org.caseway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Holds what the fuzz profile relies on: Jazzer fuzzes only the first {@code @FuzzTest} of a JVM
 * and skips the rest, so each fuzz test class has exactly one (each runs in a fork of its own), and
 * each is seeded with a corpus of real inputs.
 */
class FuzzTargetsTest {

  @Test
  void everyFuzzTestClassHasOneFuzzTestAndASeededCorpus() throws Exception {
    List<Class<?>> classes = ReflectionSupport.findAllClassesInPackage(getClass().getPackageName(),
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
      }
    }
  }
}
