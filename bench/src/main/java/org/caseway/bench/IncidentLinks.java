package org.caseway.bench;

import org.caseway.gateway.identity.IdentityLinks;

/**
 * The identity index the policy benchmarks decide the guide's incident with: {@code memory}, a map
 * (the engine's own cost); {@code database}, the gateway's index on its database ({@value
 * BenchDatabase#PROPERTY}) with 1,000 other people and the incident's people learned as dispatch
 * learns them. Close it to drop the database.
 */
final class IncidentLinks implements AutoCloseable {

  private final IdentityLinks links;
  private final BenchDatabase database;

  private IncidentLinks(IdentityLinks links, BenchDatabase database) {
    this.links = links;
    this.database = database;
  }

  static IncidentLinks of(String kind) {
    if (kind.equals("memory")) {
      return new IncidentLinks(Northshire.incidentLinks(), null);
    }
    BenchDatabase database = BenchDatabase.open();
    IdentityBenchmark.seed(database.identityLearner(), 1_000);
    database.identityLearner().learnFrom(Northshire.incident(), "bench-incident");
    database.identityLearner().learnFrom(Northshire.suspectRecord(), "bench-suspect");
    return new IncidentLinks(database.identityIndex(), database);
  }

  IdentityLinks links() {
    return links;
  }

  @Override
  public void close() {
    if (database != null) {
      database.close();
    }
  }
}
