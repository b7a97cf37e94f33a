package org.caseway.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Resource;

/** Reads the guide folder from the classpath through the index written at build time. */
final class IgLoader {

  private static final String EXAMPLES_FOLDER = "examples/";
  private static final String INDEX_FILE = "index.txt";
  static final String CLASSIFICATION_FILE = "data-categories.json";

  private IgLoader() {}

  static ImplementationGuide load(String folder) {
    FhirContext context = FhirContext.forR4();
    // Message entries have urn:uuid fullUrls and their own ids (MessageHeader.id is required); by
    // default HAPI replaces the id with the fullUrl on parsing and then drops it on encoding.
    context.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
    IParser parser = context.newJsonParser();
    List<Resource> conformance = new ArrayList<>();
    Map<String, Resource> examples = new TreeMap<>();
    for (String file : readIndex(folder)) {
      if (file.startsWith(EXAMPLES_FOLDER)) {
        examples.put(baseName(file), parse(parser, folder + "/" + file));
      } else if (isFhirResourceFile(file)) {
        conformance.add(parse(parser, folder + "/" + file));
      }
    }
    return new ImplementationGuide(context, conformance, examples);
  }

  /** The classification table (data-categories.json) is guide content, but not a FHIR resource. */
  private static boolean isFhirResourceFile(String file) {
    return !file.equals(CLASSIFICATION_FILE);
  }

  private static List<String> readIndex(String folder) {
    String indexPath = folder + "/" + INDEX_FILE;
    try (InputStream in = open(indexPath);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + indexPath, e);
    }
  }

  private static Resource parse(IParser parser, String path) {
    try (InputStream in = open(path)) {
      return (Resource) parser.parseResource(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    } catch (DataFormatException | ClassCastException e) {
      throw new IllegalStateException("The guide file " + path + " is not FHIR R4 JSON", e);
    }
  }

  static InputStream open(String path) {
    InputStream in = IgLoader.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(
          "Missing from the classpath: " + path + " (is caseway-conformance built?)");
    }
    return in;
  }

  private static String baseName(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
  }
}
