package org.caseway.adapters;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel of one partner, as the partners file configures it: its direction, its {@code type}
 * (the integration style, which names a route template) and the style's settings.
 *
 * <p>Every accessor that finds a setting missing or malformed throws {@link ChannelConfigurationException}
 * naming the partner, the channel and the setting, so that the person editing the partners file
 * knows what to fix. Immutable.
 *
 * @param partnerId the partner this channel belongs to
 * @param direction in or out
 * @param settings every setting of the channel, {@code type} included, placeholders already resolved
 */
public record ChannelDefinition(String partnerId, Direction direction, Map<String, String> settings) {

  private static final String PARAM_PREFIX = "param.";

  public ChannelDefinition {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(direction, "direction");
    settings = Map.copyOf(settings);
  }

  /** The integration style: {@code file-drop}, {@code rest-change-feed}, {@code kafka}, ... */
  public String type() {
    return required("type");
  }

  /** The Camel route id of this channel: {@code {partner}-{in|out}-{type}}. */
  public String routeId() {
    return partnerId + "-" + direction.key() + "-" + type();
  }

  /** A setting that must be present and not blank. */
  public String required(String name) {
    String value = settings.get(name);
    if (value == null || value.isBlank()) {
      throw problem(name, "is required for a " + settings.getOrDefault("type", "?") + " channel");
    }
    return value.strip();
  }

  /** A setting, or empty when absent or blank. */
  public Optional<String> optional(String name) {
    String value = settings.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  public String optional(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  /**
   * A duration setting ({@code 30s}, {@code 500ms}, {@code 2m}, or ISO-8601 {@code PT30S}), more than
   * zero: no channel's interval, tick, backoff or timeout means anything at zero or below, and some
   * would fail only later, far from the partners file (a request timeout of 0 is refused by the HTTP
   * client on every call).
   */
  public Duration duration(String name, Duration fallback) {
    return optional(name).map(value -> positive(name, value, parseDuration(name, value))).orElse(fallback);
  }

  /** A whole-number setting. */
  public int integer(String name, int fallback) {
    return optional(name).map(value -> parseInt(name, value)).orElse(fallback);
  }

  /** A whole-number setting that must be at least 1 (a page size, a count of pages). */
  public int positiveInteger(String name, int fallback) {
    int value = integer(name, fallback);
    if (value < 1) {
      throw problem(name, "must be at least 1, not " + value);
    }
    return value;
  }

  /** A long setting (bytes, counts). */
  public long longValue(String name, long fallback) {
    return optional(name).map(value -> parseLong(name, value)).orElse(fallback);
  }

  /** A long setting that must be at least 1 (a size in bytes). */
  public long positiveLong(String name, long fallback) {
    long value = longValue(name, fallback);
    if (value < 1) {
      throw problem(name, "must be at least 1, not " + value);
    }
    return value;
  }

  /**
   * The parameters this channel gives its mapping: {@code encoding} and every {@code param.NAME}
   * setting (e.g. {@code param.partner-id}), so that a partner on a shared format needs no Java.
   */
  public Map<String, String> mappingParameters() {
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    optional("encoding").ifPresent(encoding -> parameters.put("encoding", encoding));
    settings.forEach((key, value) -> {
      if (key.startsWith(PARAM_PREFIX)) {
        parameters.put(key.substring(PARAM_PREFIX.length()), value);
      }
    });
    return parameters;
  }

  /** A problem with one setting of this channel, for the person editing the partners file. */
  public ChannelConfigurationException problem(String setting, String what) {
    return new ChannelConfigurationException("Partner " + partnerId + ", channel '" + direction.key()
        + "': setting '" + setting + "' " + what + " (fix it in the partners file).");
  }

  private Duration positive(String name, String value, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw problem(name, "must be more than zero, not '" + value + "'");
    }
    return duration;
  }

  private Duration parseDuration(String name, String value) {
    try {
      if (value.startsWith("P") || value.startsWith("p")) {
        return Duration.parse(value);
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).strip()));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1).strip());
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new NumberFormatException(value);
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException | ArithmeticException e) {
      throw problem(name, "must be a duration such as 30s, 500ms or 2m, not '" + value + "'");
    }
  }

  private int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw problem(name, "must be a whole number, not '" + value + "'");
    }
  }

  private long parseLong(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw problem(name, "must be a whole number, not '" + value + "'");
    }
  }
}
