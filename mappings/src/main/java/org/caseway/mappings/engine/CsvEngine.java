package org.caseway.mappings.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseway.mappings.InputLimits;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingDefinition;
import org.caseway.mappings.MappingEngine;
import org.caseway.mappings.MappingFiles;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.MappingResult;
import org.caseway.mappings.RecordError;
import org.caseway.mappings.csv.ColumnSpec;
import org.caseway.mappings.csv.CsvReader;
import org.caseway.mappings.csv.TypedRow;
import org.caseway.mappings.json.Json;
import org.caseway.mappings.json.JsonataTemplate;
import org.caseway.mappings.json.JsonataTemplate.RecordRefused;

/**
 * {@code engine: csv}: a CSV file checked and typed by the column spec named by {@code columns},
 * rows grouped into records by its {@code group-by} column (or one record per row), each record
 * through the JSONata template named by {@code expression} (or, without one, the typed row itself
 * is the output). The template sees {@code {source, key, lines, rows: [{_line, _row, Column: value}]}}.
 *
 * <p>The parameter {@code encoding} (default UTF-8, e.g. {@code windows-1252}) says how to read the
 * bytes. Bad rows are {@link RecordError}s; a record with a bad row is refused whole (see
 * {@link ColumnSpec}); the other records still map.
 */
public final class CsvEngine implements MappingEngine {

  private final InputLimits limits;

  public CsvEngine(InputLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public Mapper compile(MappingDefinition definition, MappingFiles files) {
    String columns = definition.file("columns");
    ColumnSpec spec = ColumnSpec.read(columns, files.read(columns));
    Optional<JsonataTemplate> template = Optional.ofNullable(definition.files().get("expression"))
        .map(name -> JsonataTemplate.compile(name, files.read(name)));
    return new CsvMapper(definition, spec, template, new CsvReader(spec, limits), new Json(limits), limits);
  }

  private record CsvMapper(MappingDefinition definition, ColumnSpec spec,
      Optional<JsonataTemplate> template, CsvReader reader, Json json, InputLimits limits)
      implements Mapper {

    @Override
    public MappingResult map(MappingInput input) {
      limits.checkSize(input);
      List<TypedRow> rows = reader.read(input.name(), input.content(), Encodings.charset(definition, input));
      List<MappingOutput> outputs = new ArrayList<>();
      List<RecordError> errors = new ArrayList<>();
      Map<String, Object> variables = Variables.forJsonata(definition, input);
      for (Map.Entry<String, List<TypedRow>> record : group(rows).entrySet()) {
        mapRecord(input.name(), record.getKey(), record.getValue(), variables, outputs, errors);
      }
      errors.sort(java.util.Comparator.comparingInt(RecordError::line));
      return new MappingResult(outputs, errors);
    }

    private void mapRecord(String source, String key, List<TypedRow> rows, Map<String, Object> variables,
        List<MappingOutput> outputs, List<RecordError> errors) {
      List<Integer> lines = rows.stream().map(TypedRow::line).toList();
      List<TypedRow> bad = rows.stream().filter(row -> !row.isGood()).toList();
      if (!bad.isEmpty()) {
        bad.forEach(row -> errors.addAll(row.errors()));
        refuseSiblings(source, key, rows, bad, errors);
        return;
      }
      try {
        Object result = template.isPresent()
            ? template.get().evaluate(recordInput(source, key, rows), variables)
            : rowValues(rows.get(0));
        Outputs.collect(result, definition, json, key, lines, outputs::add);
      } catch (RecordRefused e) {
        errors.add(new RecordError(source, lines.get(0), spec.groupBy().orElse(""), "", e.getMessage()));
      }
    }

    private void refuseSiblings(String source, String key, List<TypedRow> rows, List<TypedRow> bad,
        List<RecordError> errors) {
      String badLines = String.join(", ", bad.stream().map(row -> String.valueOf(row.line())).toList());
      rows.stream().filter(TypedRow::isGood).forEach(row -> errors.add(new RecordError(source,
          row.line(), spec.groupBy().orElse(""), "", "not mapped: this row belongs to " + key
              + ", whose row on line " + badLines + " was refused; fix that row and send the whole "
              + spec.groupBy().orElse("record") + " again")));
    }

    private Map<String, List<TypedRow>> group(List<TypedRow> rows) {
      Map<String, List<TypedRow>> groups = new LinkedHashMap<>();
      for (TypedRow row : rows) {
        String key = spec.groupBy()
            .map(column -> String.valueOf(row.values().getOrDefault(column, "line " + row.line())))
            .orElse("line " + row.line());
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
      return groups;
    }

    private static Map<String, Object> recordInput(String source, String key, List<TypedRow> rows) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("source", source);
      record.put("key", key);
      record.put("lines", rows.stream().map(TypedRow::line).toList());
      record.put("rows", rows.stream().map(CsvMapper::rowValues).toList());
      return record;
    }

    private static Map<String, Object> rowValues(TypedRow row) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("_line", row.line());
      values.put("_row", row.row());
      values.putAll(row.values());
      return values;
    }
  }
}
