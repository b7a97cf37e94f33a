package org.caseway.mappings.engine;

import java.util.ArrayList;
import java.util.List;
import org.caseway.mappings.InputLimits;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingDefinition;
import org.caseway.mappings.MappingEngine;
import org.caseway.mappings.MappingFiles;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.MappingResult;
import org.caseway.mappings.RecordError;
import org.caseway.mappings.json.Json;
import org.caseway.mappings.json.JsonataTemplate;
import org.caseway.mappings.json.JsonataTemplate.RecordRefused;

/**
 * {@code engine: jsonata}: a JSON input through the JSONata template named by {@code expression}.
 * The result is one output per object (an array gives several). A record the template refuses
 * ({@code $error("$.parties[0].partyId must be a whole number")}) is a {@link RecordError} whose
 * location is the JSON path the reason starts with.
 */
public final class JsonataEngine implements MappingEngine {

  private final InputLimits limits;

  public JsonataEngine(InputLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "jsonata";
  }

  @Override
  public Mapper compile(MappingDefinition definition, MappingFiles files) {
    String expression = definition.file("expression");
    JsonataTemplate template = JsonataTemplate.compile(expression, files.read(expression));
    Json json = new Json(limits);
    return new Mapper() {
      @Override
      public MappingDefinition definition() {
        return definition;
      }

      @Override
      public MappingResult map(MappingInput input) {
        limits.checkSize(input);
        Object parsed = json.parse(input.name(), Encodings.decode(definition, input));
        List<MappingOutput> outputs = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        try {
          Object result = template.evaluate(parsed, Variables.forJsonata(definition, input));
          Outputs.collect(result, definition, json, input.name(), List.of(), outputs::add);
        } catch (RecordRefused e) {
          errors.add(JsonErrors.of(input.name(), e.getMessage()));
        }
        return new MappingResult(outputs, errors);
      }
    };
  }

}
