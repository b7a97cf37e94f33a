package org.caseway.mappings.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseway.mappings.MappingErrorCode;
import org.caseway.mappings.MappingException;

/**
 * A CSV mapping's column spec ({@code columns.yaml}): the columns the header must have, how each
 * value is checked and typed, and how rows group into records.
 *
 * <pre>
 * group-by: IncidentRef        # optional: rows sharing this value make one record
 * columns:
 *   - name: IncidentRef
 *     required: true
 *     pattern: 'NP-[0-9]{4}-[0-9]{6}'
 *   ...                          # see ColumnRule for every key
 * </pre>
 *
 * When a record groups several rows and one of them is bad, the whole record is refused (every
 * row of it is reported): a record missing a row would tell recipients a different story (an
 * incident without its suspect, say). The partner fixes the row and sends the record again.
 */
public record ColumnSpec(Optional<String> groupBy, List<ColumnRule> columns) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public ColumnSpec {
    columns = List.copyOf(columns);
  }

  /**
   * Reads a column spec.
   *
   * @throws MappingException {@link MappingErrorCode#MAPPING_INVALID} naming what is wrong
   */
  public static ColumnSpec read(String name, String yaml) {
    try {
      JsonNode root = YAML.readTree(yaml);
      List<ColumnRule> columns = new ArrayList<>();
      root.path("columns").forEach(column -> columns.add(ColumnRule.read(column)));
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("it lists no columns");
      }
      Optional<String> groupBy = Optional.ofNullable(root.path("group-by").textValue());
      groupBy.filter(g -> columns.stream().noneMatch(c -> c.name().equals(g))).ifPresent(g -> {
        throw new IllegalArgumentException("group-by names " + g + ", which is not a column");
      });
      return new ColumnSpec(groupBy, columns);
    } catch (IOException | RuntimeException e) {
      throw new MappingException(MappingErrorCode.MAPPING_INVALID,
          "The column spec " + name + " is broken: " + e.getMessage(), e);
    }
  }

  /** The column names, in spec order. */
  public List<String> names() {
    return columns.stream().map(ColumnRule::name).toList();
  }
}
