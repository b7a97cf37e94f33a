package org.caseway.gateway.policy.scenario;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.partner.PartnerRegistry;
import org.caseway.gateway.partner.PartnerStatus;
import org.springframework.core.io.ClassPathResource;

/** The Northshire partners file, with statuses a test may change. */
public final class FakePartnerDirectory implements PartnerDirectory {

  private final Map<String, Partner> partners = new LinkedHashMap<>();

  public FakePartnerDirectory() {
    PartnerRegistry.load(new ClassPathResource("caseway/northshire/partners.yaml"))
        .all()
        .forEach(p -> partners.put(p.id(), p));
  }

  public FakePartnerDirectory set(String partnerId, PartnerStatus status) {
    partners.computeIfPresent(partnerId, (id, p) -> p.withStatus(status));
    return this;
  }

  /** Adds a subscription to a partner. */
  public FakePartnerDirectory subscribe(String partnerId, java.util.Set<String> events, java.util.Set<String> purposes) {
    partners.computeIfPresent(partnerId, (id, p) -> {
      java.util.List<org.caseway.gateway.partner.Subscription> subscriptions = new java.util.ArrayList<>(p.subscriptions());
      subscriptions.add(new org.caseway.gateway.partner.Subscription(events, purposes));
      return new Partner(p.id(), p.name(), p.status(), p.identifierSystems(), subscriptions, p.channels());
    });
    return this;
  }

  @Override
  public Optional<Partner> find(String partnerId) {
    return Optional.ofNullable(partners.get(partnerId));
  }

  @Override
  public Collection<Partner> all() {
    return partners.values();
  }
}
