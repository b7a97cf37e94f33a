package org.caseway.conformance.classification;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data category of every element of every Caseway profile, from {@code
 * caseway-ig/data-categories.json}: agreements allow categories, the policy engine applies them to
 * elements through this class.
 *
 * <p>An element has the category listed for its id or, failing that, the category of its nearest
 * listed ancestor: the parent of {@code Patient.identifier:pnc.value} is {@code
 * Patient.identifier:pnc}, whose parent is {@code Patient.identifier}, then {@code Patient}. Every
 * profile lists its root, so every element of a known profile has exactly one category.
 *
 * <p>Immutable and thread-safe.
 */
public final class DataCategoryClassification {

  private static final String RESOURCE = "caseway-ig/data-categories.json";

  private static final class Holder {
    static final DataCategoryClassification INSTANCE = read(RESOURCE);
  }

  private final String categorySystem;
  private final Map<String, Map<String, String>> byProfile;

  private DataCategoryClassification(String categorySystem, Map<String, Map<String, String>> byProfile) {
    this.categorySystem = categorySystem;
    this.byProfile = byProfile;
  }

  /**
   * The classification of the Caseway guide, read once from the classpath.
   *
   * @throws IllegalStateException if the file is missing or malformed (a build defect)
   */
  public static DataCategoryClassification load() {
    return Holder.INSTANCE;
  }

  /**
   * The data category of an element of a Caseway profile.
   *
   * @param profileUrl the profile's canonical URL, with or without {@code |version}
   * @param elementId the element id as in the profile's snapshot, e.g. {@code
   *     Patient.identifier:pnc.value}
   * @return a code of {@link #categorySystem()}, e.g. {@code offending}; never null
   * @throws IllegalArgumentException if the profile is not a Caseway profile, or the element id
   *     does not belong to the profile's resource type
   * @throws NullPointerException if an argument is null
   */
  public String categoryOf(String profileUrl, String elementId) {
    Objects.requireNonNull(elementId, "elementId");
    Map<String, String> entries = entriesOf(profileUrl);
    for (String id = elementId; id != null; id = parentOf(id)) {
      String category = entries.get(id);
      if (category != null) {
        return category;
      }
    }
    throw new IllegalArgumentException(
        "Element '" + elementId + "' is not an element of " + profileUrl + " (its elements start with '"
            + rootOf(entries) + "')");
  }

  /** The profiles classified, by canonical URL (no version), sorted. */
  public Set<String> profiles() {
    return Collections.unmodifiableSet(new TreeSet<>(byProfile.keySet()));
  }

  /**
   * The entries listed for one profile (element id to category), in file order.
   *
   * @throws IllegalArgumentException if the profile is not a Caseway profile
   */
  public Map<String, String> entries(String profileUrl) {
    return Collections.unmodifiableMap(entriesOf(profileUrl));
  }

  /** The code system of the categories. */
  public String categorySystem() {
    return categorySystem;
  }

  /**
   * The parent of an element id: the unsliced element for a slice ({@code A.b:s} gives {@code
   * A.b}), else the id without its last part ({@code A.b} gives {@code A}); null for a root.
   */
  static String parentOf(String elementId) {
    int dot = elementId.lastIndexOf('.');
    String last = elementId.substring(dot + 1);
    int colon = last.indexOf(':');
    if (colon >= 0) {
      return elementId.substring(0, dot + 1 + colon);
    }
    return dot < 0 ? null : elementId.substring(0, dot);
  }

  private Map<String, String> entriesOf(String profileUrl) {
    Objects.requireNonNull(profileUrl, "profileUrl");
    int bar = profileUrl.indexOf('|');
    String url = bar < 0 ? profileUrl : profileUrl.substring(0, bar);
    Map<String, String> entries = byProfile.get(url);
    if (entries == null) {
      throw new IllegalArgumentException(
          "Not a Caseway profile: " + profileUrl + "; classified profiles: " + profiles());
    }
    return entries;
  }

  private static String rootOf(Map<String, String> entries) {
    return entries.keySet().iterator().next().split("\\.")[0];
  }

  private static DataCategoryClassification read(String resource) {
    ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    try (InputStream in = DataCategoryClassification.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing from the classpath: " + resource);
      }
      JsonNode root = mapper.readTree(in);
      Map<String, Map<String, String>> byProfile = new LinkedHashMap<>();
      root.path("profiles").fields().forEachRemaining(profile -> {
        Map<String, String> entries = new LinkedHashMap<>();
        profile.getValue().fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue().asText()));
        byProfile.put(profile.getKey(), Collections.unmodifiableMap(entries));
      });
      return new DataCategoryClassification(root.path("categorySystem").asText(), byProfile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
