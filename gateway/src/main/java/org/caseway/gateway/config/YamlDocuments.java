package org.caseway.gateway.config;

import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PlaceholdersResolver;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.Resource;

/**
 * Reads a list of records from a YAML file with Spring Boot's binder, so that partnership files get
 * the same relaxed, kebab-case binding and conversions as {@code application.yaml}.
 */
public final class YamlDocuments {

  private YamlDocuments() {}

  /**
   * Binds the list under {@code key} in {@code file} to {@code type}.
   *
   * @return the list, empty if the key is absent
   * @throws IllegalStateException if the file is missing or a value cannot be bound, naming the file
   */
  public static <T> List<T> readList(Resource file, String key, Class<T> type) {
    return readList(file, key, type, null);
  }

  /**
   * As {@link #readList(Resource, String, Class)}, resolving {@code ${...}} placeholders in values
   * against {@code placeholders} (the application's environment: properties and environment
   * variables), so that a partnership file names what differs per deployment without holding it.
   * A placeholder that cannot be resolved is left as written.
   */
  public static <T> List<T> readList(Resource file, String key, Class<T> type, PlaceholdersResolver placeholders) {
    if (!file.exists()) {
      throw new IllegalStateException("Missing " + file.getDescription());
    }
    try {
      YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
      yaml.setResources(file);
      Properties properties = yaml.getObject();
      return new Binder(List.of(new MapConfigurationPropertySource(properties)), placeholders)
          .bind(key, Bindable.listOf(type))
          .orElse(List.of());
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot read " + file.getDescription() + ": " + e.getMessage(), e);
    }
  }
}
