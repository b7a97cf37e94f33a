package org.caseway.gateway.partner;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseway.gateway.config.YamlDocuments;
import org.springframework.boot.context.properties.bind.PlaceholdersResolver;
import org.springframework.core.io.Resource;

/**
 * The partners of the partnership, read once from the partners file.
 *
 * <p>Immutable and thread-safe. A later issue replaces the file with the full registry (channels,
 * subscriptions, status changes); callers only ask who a partner is and whether it is active.
 */
public final class PartnerRegistry implements PartnerDirectory {

  private final Map<String, Partner> partnersById;
  private final List<Partner> inOrder;

  public PartnerRegistry(List<Partner> partners) {
    this.inOrder = List.copyOf(partners);
    this.partnersById =
        partners.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Partner::id,
                    Function.identity(),
                    (a, b) -> {
                      throw new IllegalStateException("Partner " + a.id() + " is listed twice");
                    }));
  }

  /** Reads the registry from a YAML file with a top-level {@code partners} list. */
  public static PartnerRegistry load(Resource file) {
    return new PartnerRegistry(YamlDocuments.readList(file, "partners", Partner.class));
  }

  /** As {@link #load(Resource)}, with {@code ${...}} placeholders resolved by {@code placeholders}. */
  public static PartnerRegistry load(Resource file, PlaceholdersResolver placeholders) {
    return new PartnerRegistry(YamlDocuments.readList(file, "partners", Partner.class, placeholders));
  }

  @Override
  public Optional<Partner> find(String partnerId) {
    return Optional.ofNullable(partnersById.get(partnerId));
  }

  @Override
  public Collection<Partner> all() {
    return inOrder;
  }

  public int size() {
    return partnersById.size();
  }
}
