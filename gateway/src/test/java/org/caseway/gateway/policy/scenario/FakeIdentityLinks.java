package org.caseway.gateway.policy.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLinks;

/** An identity index the test fills: each {@link #link} call declares one person's identifiers. */
public final class FakeIdentityLinks implements IdentityLinks {

  private final List<Set<AgencyIdentifier>> clusters = new ArrayList<>();

  /** Declares that these identifiers are one person's (e.g. a police nominal and a tenancy ref). */
  public FakeIdentityLinks link(String... systemBarValue) {
    Set<AgencyIdentifier> cluster = new HashSet<>();
    for (String token : systemBarValue) {
      cluster.add(AgencyIdentifier.parse(token));
    }
    clusters.add(cluster);
    return this;
  }

  @Override
  public Set<AgencyIdentifier> linkedTo(Collection<AgencyIdentifier> identifiers) {
    Set<AgencyIdentifier> linked = new HashSet<>(identifiers);
    for (Set<AgencyIdentifier> cluster : clusters) {
      if (cluster.stream().anyMatch(identifiers::contains)) {
        linked.addAll(cluster);
      }
    }
    return Set.copyOf(linked);
  }
}
