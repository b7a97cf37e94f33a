package org.caseway.conformance.validation.fastpath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Systematic mutations of a valid document, each a small change the profiles may or may not allow:
 * every element removed in turn, every element repeated, every primitive given a value of the
 * wrong JSON type and one of the wrong form, every code and system replaced by unknown ones, and
 * an unknown element and an unknown extension added to every object. Keyed by a description
 * naming the path and the change; identical results are kept once.
 */
final class Mutations {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Mutations() {}

  static Map<String, String> of(String json) {
    JsonNode original = read(json);
    Map<String, String> mutants = new LinkedHashMap<>();
    for (Node node : nodes(original)) {
      mutate(original, node, mutants);
    }
    mutants.values().removeIf(json::equals);
    return mutants;
  }

  /** One element, found by its route of field names and array indices from the root. */
  private record Node(List<Object> route, JsonNode value) {

    String path() {
      StringBuilder path = new StringBuilder("$");
      route.forEach(step -> path.append(step instanceof Integer i ? "[" + i + "]" : "." + step));
      return path.toString();
    }
  }

  private static void mutate(JsonNode original, Node node, Map<String, String> mutants) {
    if (node.route().isEmpty()) {
      return;
    }
    Object last = node.route().get(node.route().size() - 1);
    String path = node.path();
    add(mutants, path + " removed", original, node, (parent) -> remove(parent, last));
    add(mutants, path + " repeated", original, node, (parent) -> repeat(parent, last, node.value()));
    JsonNode value = node.value();
    if (value.isTextual()) {
      String text = value.textValue();
      add(mutants, path + " as a number", original, node, parent -> set(parent, last, MAPPER.getNodeFactory().numberNode(42)));
      add(mutants, path + " of the wrong form", original, node, parent -> set(parent, last, text(text + " !")));
      add(mutants, path + " empty", original, node, parent -> set(parent, last, text("")));
      add(mutants, path + " with a space in front", original, node, parent -> set(parent, last, text(" " + text)));
      if ("code".equals(last)) {
        add(mutants, path + " an unknown code", original, node, parent -> set(parent, last, text("no-such-code")));
      }
      if ("system".equals(last)) {
        add(mutants, path + " an unknown system", original, node,
            parent -> set(parent, last, text("https://unknown.example/system")));
      }
      if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
        add(mutants, path + " a day that does not exist", original, node,
            parent -> set(parent, last, text(text.substring(0, 5) + "02-30" + text.substring(10))));
      }
    } else if (value.isNumber()) {
      add(mutants, path + " as a string", original, node, parent -> set(parent, last, text(value.asText())));
      add(mutants, path + " negative", original, node, parent -> set(parent, last, MAPPER.getNodeFactory().numberNode(-1)));
    } else if (value.isBoolean()) {
      add(mutants, path + " as a string", original, node, parent -> set(parent, last, text(value.asText())));
    } else if (value.isObject()) {
      add(mutants, path + " with an unknown element", original, node,
          parent -> ((ObjectNode) child(parent, last)).put("unknownElement", "x"));
      add(mutants, path + " with an unknown extension", original, node, parent -> {
        ObjectNode object = (ObjectNode) child(parent, last);
        ObjectNode extension = MAPPER.createObjectNode().put("url", "https://unknown.example/extension").put("valueString", "x");
        if (object.has("extension") && object.get("extension").isArray()) {
          ((ArrayNode) object.get("extension")).add(extension);
        } else {
          object.set("extension", MAPPER.createArrayNode().add(extension));
        }
      });
    }
  }

  private static void add(Map<String, String> mutants, String description, JsonNode original, Node node,
      Consumer<ContainerNode<?>> change) {
    JsonNode copy = original.deepCopy();
    JsonNode parent = copy;
    for (Object step : node.route().subList(0, node.route().size() - 1)) {
      parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
    }
    change.accept((ContainerNode<?>) parent);
    mutants.putIfAbsent(description, write(copy));
  }

  private static JsonNode child(ContainerNode<?> parent, Object step) {
    return step instanceof Integer i ? parent.get(i) : parent.get((String) step);
  }

  private static void remove(ContainerNode<?> parent, Object step) {
    if (step instanceof Integer i) {
      ((ArrayNode) parent).remove(i);
    } else {
      ((ObjectNode) parent).remove((String) step);
    }
  }

  private static void repeat(ContainerNode<?> parent, Object step, JsonNode value) {
    if (step instanceof Integer i) {
      ((ArrayNode) parent).insert(i, value.deepCopy());
    } else if (!value.isArray()) {
      ((ObjectNode) parent).set((String) step, MAPPER.createArrayNode().add(value.deepCopy()).add(value.deepCopy()));
    }
  }

  private static void set(ContainerNode<?> parent, Object step, JsonNode value) {
    if (step instanceof Integer i) {
      ((ArrayNode) parent).set(i, value);
    } else {
      ((ObjectNode) parent).set((String) step, value);
    }
  }

  private static JsonNode text(String value) {
    return MAPPER.getNodeFactory().textNode(value);
  }

  private static List<Node> nodes(JsonNode root) {
    List<Node> nodes = new ArrayList<>();
    collect(root, new ArrayList<>(), nodes);
    return nodes;
  }

  private static void collect(JsonNode value, List<Object> route, List<Node> nodes) {
    nodes.add(new Node(List.copyOf(route), value));
    if (value.isObject()) {
      value.fields().forEachRemaining(field -> {
        route.add(field.getKey());
        collect(field.getValue(), route, nodes);
        route.remove(route.size() - 1);
      });
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        route.add(i);
        collect(value.get(i), route, nodes);
        route.remove(route.size() - 1);
      }
    }
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(JsonNode json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
