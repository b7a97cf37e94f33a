package org.caseway.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mapping's {@code mapping.yaml}: what it is and how to run it.
 *
 * <pre>
 * id: police-rms-csv            # the folder's name
 * description: ...
 * engine: csv                   # jsonata, csv, xslt, canonical
 * output: caseway-message       # caseway-message (validated), json or xml
 * columns: columns.yaml         # csv: the column spec
 * expression: incident.jsonata  # jsonata, csv: the JSONata template
 * stylesheet: alert.xsl         # xslt: the XSLT 3 stylesheet
 * parameters:                   # defaults, overridden per input
 *   encoding: UTF-8
 * </pre>
 *
 * @param id the mapping id, equal to its folder's name
 * @param description one line for people
 * @param engine the {@link MappingEngine} name
 * @param output {@code caseway-message}, {@code json} or {@code xml}
 * @param files the other keys naming files ({@code columns}, {@code expression}, {@code stylesheet})
 * @param parameters default parameter values
 */
public record MappingDefinition(String id, String description, String engine, String output,
    Map<String, String> files, Map<String, String> parameters) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public MappingDefinition {
    files = Map.copyOf(files);
    parameters = Map.copyOf(parameters);
  }

  /** The media type of this mapping's outputs. */
  public String mediaType() {
    return switch (output) {
      case "caseway-message" -> "application/fhir+json";
      case "xml" -> "text/xml";
      default -> "application/json";
    };
  }

  /** The named file ({@code expression}), or a clear failure when mapping.yaml does not name it. */
  public String file(String key) {
    String name = files.get(key);
    if (name == null) {
      throw new MappingException(MappingErrorCode.MAPPING_INVALID,
          "The mapping '" + id + "' uses the " + engine + " engine, which needs '" + key
              + ": FILE' in mapping.yaml.");
    }
    return name;
  }

  /** Reads {@code mapping.yaml} from a mapping folder whose name is {@code expectedId}. */
  public static MappingDefinition read(String expectedId, MappingFiles folder) {
    JsonNode yaml = parse(folder);
    String id = text(yaml, "id", expectedId);
    if (!id.equals(expectedId) || !ID.matcher(id).matches()) {
      throw invalid(folder, "its id '" + id + "' must equal the folder name '" + expectedId
          + "' (lower-case letters, digits and dashes)");
    }
    String output = text(yaml, "output", "caseway-message");
    if (!java.util.List.of("caseway-message", "json", "xml").contains(output)) {
      throw invalid(folder, "output must be caseway-message, json or xml, not '" + output + "'");
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (String key : new String[] {"columns", "expression", "stylesheet"}) {
      if (yaml.hasNonNull(key)) {
        files.put(key, yaml.get(key).asText());
      }
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    yaml.path("parameters").fields().forEachRemaining(p -> parameters.put(p.getKey(), p.getValue().asText()));
    return new MappingDefinition(id, text(yaml, "description", ""), text(yaml, "engine", ""),
        output, files, parameters);
  }

  private static JsonNode parse(MappingFiles folder) {
    try {
      JsonNode yaml = YAML.readTree(folder.read("mapping.yaml"));
      if (yaml == null || !yaml.isObject()) {
        throw invalid(folder, "mapping.yaml must be a map of keys (id, engine, output, ...)");
      }
      return yaml;
    } catch (IOException e) {
      throw invalid(folder, "mapping.yaml is not valid YAML: " + e.getMessage());
    }
  }

  private static String text(JsonNode yaml, String key, String fallback) {
    return yaml.hasNonNull(key) ? yaml.get(key).asText() : fallback;
  }

  private static MappingException invalid(MappingFiles folder, String why) {
    return new MappingException(MappingErrorCode.MAPPING_INVALID,
        "The mapping in " + folder.location() + " is broken: " + why + ".");
  }
}
