package org.caseway.mappings.engine;

import java.util.List;
import java.util.Map;
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

/**
 * {@code engine: canonical}: for partners that already speak the canonical model (probation, the
 * mental health trust). The input, bounded like any JSON input, must be a FHIR message Bundle; it
 * is passed on unchanged as a canonical output, which the caller validates against the guide
 * like every canonical output. Anything else is a {@link RecordError} at {@code $.resourceType}
 * or {@code $.type}.
 */
public final class CanonicalEngine implements MappingEngine {

  private final InputLimits limits;

  public CanonicalEngine(InputLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "canonical";
  }

  @Override
  public Mapper compile(MappingDefinition definition, MappingFiles files) {
    Json json = new Json(limits);
    return new Mapper() {
      @Override
      public MappingDefinition definition() {
        return definition;
      }

      @Override
      public MappingResult map(MappingInput input) {
        limits.checkSize(input);
        String text = Encodings.decode(definition, input);
        Object parsed = json.parse(input.name(), text);
        String problem = problem(parsed);
        if (problem != null) {
          return new MappingResult(List.of(), List.of(JsonErrors.of(input.name(), problem)));
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new MappingResult(
            List.of(new MappingOutput(content, "application/fhir+json", input.name(), List.of())), List.of());
      }
    };
  }

  private static String problem(Object parsed) {
    if (!(parsed instanceof Map<?, ?> resource) || !"Bundle".equals(resource.get("resourceType"))) {
      return "$.resourceType must be Bundle: a canonical partner sends FHIR message Bundles";
    }
    if (!"message".equals(resource.get("type"))) {
      return "$.type must be message: Caseway exchanges message Bundles (MessageHeader first)";
    }
    return null;
  }
}
