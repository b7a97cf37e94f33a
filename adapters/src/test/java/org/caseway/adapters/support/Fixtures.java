package org.caseway.adapters.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The mappings' own fixtures (on the classpath under {@code caseway-mappings/<id>/fixtures/}),
 * used as the partners' inputs, and the adapters' test resources.
 */
public final class Fixtures {

  private Fixtures() {}

  /** {@code caseway-mappings/<mapping>/fixtures/<scenario>/<file>}. */
  public static byte[] mappingFixture(String mapping, String scenario, String file) {
    return resource("caseway-mappings/" + mapping + "/fixtures/" + scenario + "/" + file);
  }

  public static String mappingFixtureText(String mapping, String scenario, String file) {
    return new String(mappingFixture(mapping, scenario, file), StandardCharsets.UTF_8);
  }

  public static byte[] resource(String path) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String path) {
    return new String(resource(path), StandardCharsets.UTF_8);
  }
}
