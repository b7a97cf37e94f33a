package org.caseway.conformance.validation.fastpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One element definition of a snapshot, compiled: what the fast path checks an instance element
 * against. Built by {@link CompiledProfiles} and not changed afterwards, so it is safe to share
 * between threads once the compiled profiles are published.
 */
final class ElementRule {

  /** How an element's children are sliced, in the forms the Caseway profiles use. */
  enum SliceBy {
    /** {@code value} discriminator on {@code url} (extensions). */
    URL,
    /** {@code value} discriminator on {@code system} (identifiers). */
    SYSTEM,
    /** {@code type} discriminator on {@code resource} (bundle entries). */
    RESOURCE_TYPE
  }

  /** One allowed type: its code, the profiles it must conform to, the reference targets. */
  record TypeRule(String code, List<String> profiles, List<String> targetProfiles) {}

  /**
   * A required or extensible binding; {@code codes} ({@code system|code}) is null when the value
   * set cannot be expanded here.
   */
  record Binding(boolean required, Set<String> codes) {

    /** Whether a bare {@code code} (no system) is one of the value set's codes. */
    boolean hasCode(String code) {
      return codes != null && codes.stream().anyMatch(key -> key.endsWith("|" + code));
    }
  }

  final String id;
  final String name;
  final boolean choice;
  final int min;
  final int max;
  /** Whether JSON holds the element as an array: the base definition repeats. */
  final boolean array;
  final List<TypeRule> types;
  final JsonNode fixed;
  final JsonNode pattern;
  final Binding binding;
  final List<Invariant> invariants;
  final Integer maxLength;
  /** Why this element is not covered by the fast path (any instance of it falls back); or null. */
  String notCovered;

  final Map<String, ElementRule> children = new LinkedHashMap<>();
  SliceBy sliceBy;
  boolean closedSlicing;
  boolean orderedSlicing;
  final List<Slice> slices = new ArrayList<>();

  /** A slice: the value its discriminator must have, and the rule an element in it must meet. */
  record Slice(String value, ElementRule rule) {}

  ElementRule(String id, String name, boolean choice, int min, int max, boolean array, List<TypeRule> types,
      JsonNode fixed, JsonNode pattern, Binding binding, List<Invariant> invariants, Integer maxLength) {
    this.id = id;
    this.name = name;
    this.choice = choice;
    this.min = min;
    this.max = max;
    this.array = array;
    this.types = List.copyOf(types);
    this.fixed = fixed;
    this.pattern = pattern;
    this.binding = binding;
    this.invariants = List.copyOf(invariants);
    this.maxLength = maxLength;
  }

  /** Marks the element as one the fast path does not check itself: an instance of it falls back. */
  void markNotCovered(String reason) {
    if (notCovered == null) {
      notCovered = reason;
    }
  }

  boolean hasChildren() {
    return !children.isEmpty();
  }

  @Override
  public String toString() {
    return id;
  }
}
