package org.caseway.conformance.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseway.conformance.ImplementationGuide;

/**
 * Lays the guide out as a FHIR NPM package (the format FHIR tools load: HAPI, the IG publisher,
 * the HL7 validator): {@code package/package.json}, the conformance resources with {@code
 * package/.index.json}, the examples under {@code package/example/} with their own index, and the
 * data-category classification under {@code package/other/}.
 *
 * <p>Refuses a guide whose resources do not all carry the package version, so the package cannot
 * claim a version its content does not have.
 */
final class NpmPackageLayout {

  static final String PACKAGE_NAME = "caseway.fhir.core";

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path sourceDir;
  private final String version;

  NpmPackageLayout(Path sourceDir, String version) {
    this.sourceDir = sourceDir;
    this.version = version;
  }

  void writeTo(Path npmDir, List<String> guideFiles) throws IOException {
    Path packageDir = npmDir.resolve("package");
    deleteRecursively(npmDir);
    Files.createDirectories(packageDir.resolve("example"));
    Files.createDirectories(packageDir.resolve("other"));
    List<ObjectNode> conformance = new ArrayList<>();
    List<ObjectNode> examples = new ArrayList<>();
    for (String file : guideFiles) {
      Path source = sourceDir.resolve(file);
      if (file.equals("data-categories.json")) {
        Files.copy(source, packageDir.resolve("other").resolve(file));
        continue;
      }
      JsonNode resource = mapper.readTree(source.toFile());
      boolean example = file.startsWith("examples/");
      // Conformance resources by the package convention <type>-<id>.json; examples keep their
      // descriptive names (a message's id is a UUID).
      String fileName = example
          ? source.getFileName().toString()
          : resource.path("resourceType").asText() + "-" + resource.path("id").asText() + ".json";
      if (!example) {
        checkVersion(file, resource);
      }
      Path target = packageDir.resolve(example ? "example/" + fileName : fileName);
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      (example ? examples : conformance).add(indexEntry(fileName, resource));
    }
    writeIndex(packageDir, conformance);
    writeIndex(packageDir.resolve("example"), examples);
    mapper.writeValue(packageDir.resolve("package.json").toFile(), packageJson());
  }

  private void checkVersion(String file, JsonNode resource) {
    String resourceVersion = resource.path("version").asText();
    if (!version.equals(resourceVersion)) {
      throw new IllegalStateException(
          file + " has version '" + resourceVersion + "' but the guide is version " + version);
    }
  }

  private ObjectNode indexEntry(String fileName, JsonNode resource) {
    ObjectNode entry = mapper.createObjectNode();
    entry.put("filename", fileName);
    entry.put("resourceType", resource.path("resourceType").asText());
    entry.put("id", resource.path("id").asText());
    for (String field : List.of("url", "version", "kind", "type")) {
      if (resource.hasNonNull(field)) {
        entry.put(field, resource.get(field).asText());
      }
    }
    return entry;
  }

  private void writeIndex(Path folder, List<ObjectNode> entries) throws IOException {
    ObjectNode index = mapper.createObjectNode();
    index.put("index-version", 1);
    ArrayNode files = index.putArray("files");
    entries.forEach(files::add);
    mapper.writeValue(folder.resolve(".index.json").toFile(), index);
  }

  private ObjectNode packageJson() {
    ObjectNode json = mapper.createObjectNode();
    json.put("name", PACKAGE_NAME);
    json.put("version", version);
    json.put("type", "fhir.ig");
    json.put("canonical", ImplementationGuide.CANONICAL_BASE);
    json.put("url", ImplementationGuide.CANONICAL_BASE);
    json.put("title", "Caseway canonical model");
    json.put("description", "The Caseway canonical message model: profiles, extensions, terminology, message "
        + "definitions, the gateway's CapabilityStatement, examples and the data-category classification "
        + "(other/data-categories.json).");
    json.putArray("fhirVersions").add("4.0.1");
    Map<String, String> dependencies = new TreeMap<>(Map.of("hl7.fhir.r4.core", "4.0.1"));
    ObjectNode deps = json.putObject("dependencies");
    dependencies.forEach(deps::put);
    json.put("author", "Northshire Community Safety Partnership (Caseway)");
    json.put("license", "CC0-1.0");
    return json;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
