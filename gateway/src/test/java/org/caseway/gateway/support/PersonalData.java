package org.caseway.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * The personal data inside partner inputs (names, dates of birth, addresses and postcodes, phone
 * numbers, e-mail addresses, narratives), read out of the inputs themselves by their documented
 * fields, in the forms the gateway may write them in (a date of birth as sent and as ISO 8601, a
 * postcode as sent, normalised and without its space). Values of fewer than three characters are
 * left out: they would be found inside any text. Not thread-safe.
 */
public final class PersonalData {

  private static final int SHORTEST = 3;
  private static final int NARRATIVE_PIECE = 24;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private final Set<String> values = new TreeSet<>();

  /** The values found so far, sorted. */
  public Set<String> values() {
    return Set.copyOf(values);
  }

  /** A CSV export with a header line (a byte-order mark is skipped): the named columns' values. */
  public PersonalData csv(byte[] file, Set<String> nameColumns, Set<String> dateColumns, Set<String> addressColumns,
      Set<String> narrativeColumns) {
    String text = new String(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord row : parser) {
        for (String column : parser.getHeaderNames()) {
          String value = row.isSet(column) ? row.get(column) : "";
          if (nameColumns.contains(column)) {
            name(value);
          } else if (dateColumns.contains(column)) {
            dateOfBirth(value);
          } else if (addressColumns.contains(column)) {
            address(value);
          } else if (narrativeColumns.contains(column)) {
            narrative(value);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A JSON document (the council's cases): the values of the named fields, wherever they are. */
  public PersonalData json(String document, Set<String> nameFields, Set<String> dateFields, Set<String> addressFields,
      Set<String> narrativeFields) {
    try {
      walk(JSON.readTree(document), null, nameFields, dateFields, addressFields, narrativeFields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A FHIR JSON Bundle: every HumanName, Address and ContactPoint in its resources, and its Patients' birth dates. */
  public PersonalData fhirBundle(String json) {
    var fhir = ImplementationGuide.load().fhirContext();
    var terser = fhir.newTerser();
    Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);
    // The terser does not descend from a Bundle into its entries' resources: each on its own.
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      for (HumanName name : terser.getAllPopulatedChildElementsOfType(resource, HumanName.class)) {
        name(name.getFamily());
        name.getGiven().stream().map(StringType::getValue).forEach(this::name);
        name(name.getText());
      }
      for (Address address : terser.getAllPopulatedChildElementsOfType(resource, Address.class)) {
        address.getLine().stream().map(StringType::getValue).forEach(this::address);
        address(address.getPostalCode());
        address(address.getText());
      }
      terser.getAllPopulatedChildElementsOfType(resource, ContactPoint.class).forEach(point -> add(point.getValue()));
      if (resource instanceof Patient patient && patient.hasBirthDateElement()) {
        dateOfBirth(patient.getBirthDateElement().getValueAsString());
      }
    }
    return this;
  }

  /** Where {@code text} holds any of the values: one line per hit, {@code value <- line}. */
  public List<String> foundIn(String text) {
    List<String> hits = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (String value : values) {
      Pattern word = wholeWord(value);
      for (String line : lines) {
        Matcher matcher = word.matcher(line);
        if (matcher.find()) {
          hits.add(value + " <- " + line);
        }
      }
    }
    return hits;
  }

  /**
   * The value where it is not part of a longer word or number: "Dean" is not found in "Deanery",
   * nor "Amin" in "examine", but "1994-03-17" is in "1994-03-17T00:00".
   */
  private static Pattern wholeWord(String value) {
    return Pattern.compile(boundary(value.charAt(0), "(?<!") + Pattern.quote(value)
        + boundary(value.charAt(value.length() - 1), "(?!"));
  }

  private static String boundary(char edge, String look) {
    if (Character.isLetter(edge)) {
      return look + "\\p{L})";
    }
    return Character.isDigit(edge) ? look + "\\p{N})" : "";
  }

  private void walk(JsonNode node, String field, Set<String> names, Set<String> dates, Set<String> addresses,
      Set<String> narratives) {
    if (node.isObject()) {
      node.fields().forEachRemaining(entry -> walk(entry.getValue(), entry.getKey(), names, dates, addresses, narratives));
    } else if (node.isArray()) {
      node.forEach(item -> walk(item, field, names, dates, addresses, narratives));
    } else if (node.isTextual() && field != null) {
      if (names.contains(field)) {
        name(node.asText());
      } else if (dates.contains(field)) {
        dateOfBirth(node.asText());
      } else if (addresses.contains(field)) {
        address(node.asText());
      } else if (narratives.contains(field)) {
        narrative(node.asText());
      }
    }
  }

  private void name(String name) {
    add(name);
    if (name != null) {
      // "4412 PC Amin": the officer's name without the collar number too.
      for (String part : name.split("[\\s,]+")) {
        if (part.length() >= 4 && Character.isUpperCase(part.charAt(0)) && !part.equals(part.toUpperCase(Locale.ROOT))) {
          add(part);
        }
      }
    }
  }

  private void dateOfBirth(String date) {
    add(date);
    try {
      add(LocalDate.parse(date.strip(), UK_DATE).toString());
    } catch (DateTimeParseException | NullPointerException notUkDate) {
      // Already ISO 8601, or not a date: kept as sent.
    }
  }

  private void address(String address) {
    add(address);
    if (address != null && address.replaceAll("\\s+", "").matches("(?i)[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")) {
      String compact = address.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
      add(compact);
      add(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
    } else if (address != null) {
      // "Outside 14 Larch Close, Kettleby": each part of it.
      for (String part : address.split(",")) {
        add(part);
      }
    }
  }

  private void narrative(String text) {
    if (text == null) {
      return;
    }
    add(text);
    for (String line : text.split("\\R")) {
      add(line);
      String stripped = line.strip();
      int end = stripped.indexOf(' ', NARRATIVE_PIECE);
      if (end > 0) {
        // Its opening words, in case a log line quotes only the start.
        add(stripped.substring(0, end));
      }
    }
  }

  private void add(String value) {
    if (value != null && value.strip().length() >= SHORTEST) {
      values.add(value.strip());
    }
  }
}
