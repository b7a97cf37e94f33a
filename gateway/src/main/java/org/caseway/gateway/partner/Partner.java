package org.caseway.gateway.partner;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A partner of the partnership, as the registry lists it.
 *
 * @param id the partner id (as in {@code urn:caseway:partner:{id}} and the token's partner claim)
 * @param name the agency's name, for people; never used for decisions
 * @param status whether it may exchange messages now
 * @param identifierSystems the systems of the partner's own identifiers for people (e.g. the
 *     council's party id): a recipient is given its own identifier for a person where the identity
 *     index knows it
 * @param subscriptions what it wants to receive
 * @param channels its channels in and out, by name, each a map of settings for the adapter
 *     ({@code type} names the integration style); the policy engine never reads them
 */
public record Partner(
    String id,
    String name,
    PartnerStatus status,
    List<String> identifierSystems,
    List<Subscription> subscriptions,
    Map<String, Map<String, String>> channels) {

  @ConstructorBinding
  public Partner {
    Objects.requireNonNull(id, "partner id");
    Objects.requireNonNull(status, "status of partner " + id);
    identifierSystems = identifierSystems == null ? List.of() : List.copyOf(identifierSystems);
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    channels = channels == null ? Map.of() : Map.copyOf(channels);
  }

  /** A partner with no subscriptions, identifier systems or channels. */
  public Partner(String id, String name, PartnerStatus status) {
    this(id, name, status, List.of(), List.of(), Map.of());
  }

  public boolean isActive() {
    return status == PartnerStatus.ACTIVE;
  }

  /** Whether any subscription covers {@code event} for {@code purpose}. */
  public boolean subscribesTo(String event, String purpose) {
    return subscriptions.stream().anyMatch(s -> s.covers(event, purpose));
  }

  /** This partner with another status. */
  public Partner withStatus(PartnerStatus newStatus) {
    return new Partner(id, name, newStatus, identifierSystems, subscriptions, channels);
  }
}
