package org.caseway.gateway.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The identity index's tables. Thread-safe; methods join the caller's transaction. A transaction
 * that changes links, people or reviews starts with {@link #takeLearningTurn}.
 */
class IdentityStore {

  /** A person row: an identifier with the demographics it was seen with. */
  record PersonRow(AgencyIdentifier identifier, Demographics demographics) {}

  private static final String LINK_COLUMNS =
      "link_id, a_system, a_value, b_system, b_value, method, source, created_at, confirmed_by,"
          + " ended_at, ended_reason";
  private static final String REVIEW_COLUMNS =
      "review_id, a_system, a_value, b_system, b_value, differing_field, source, created_at,"
          + " status, decided_by, decided_at";

  /** A review of a and b, either way round: parameters a, b, b, a. */
  private static final String REVIEW_OF_THE_PAIR = "(a_system = ? AND a_value = ? AND b_system = ? AND b_value = ?)"
      + " OR (a_system = ? AND a_value = ? AND b_system = ? AND b_value = ?)";

  private final JdbcClient jdbc;

  IdentityStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Waits for, and takes until the transaction ends, the one turn to change the index (V16), on any
   * gateway instance: what a learner reads before it writes is then what it writes on. Must be the
   * transaction's first statement, so that everything it reads is what the previous turn committed.
   */
  void takeLearningTurn() {
    jdbc.sql("SELECT id FROM identity_learning_turn WHERE id = 1 FOR UPDATE").query(Integer.class).single();
  }

  /** Active links touching any of {@code ids}. */
  List<IdentityLink> activeLinksOf(Collection<AgencyIdentifier> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    return jdbc.sql(touching(LINK_COLUMNS, ids, " AND ended_at IS NULL", params))
        .params(params)
        .query(IdentityStore::toLink)
        .list();
  }

  /** Every link touching {@code id}, active or ended. */
  List<IdentityLink> allLinksOf(AgencyIdentifier id) {
    List<Object> params = new ArrayList<>();
    return jdbc.sql("SELECT * FROM (" + touching(LINK_COLUMNS, List.of(id), "", params) + ") touching ORDER BY link_id")
        .params(params)
        .query(IdentityStore::toLink)
        .list();
  }

  /**
   * Every identifier linked to {@code identifiers}, directly or through others, with them. A shared
   * identifier ({@link IdentifierSystems#SHARED}: a tenancy) is passed through only from a link
   * made for a tenant to links made for the same tenant; one asked for directly is expanded once.
   */
  Set<AgencyIdentifier> cluster(Collection<AgencyIdentifier> identifiers) {
    return walk(identifiers, null);
  }

  /**
   * As {@link #cluster}, from one identifier seen as one tenant's: a shared identifier is expanded
   * only through links made for {@code tenant}. What one tenant's record is linked to.
   */
  Set<AgencyIdentifier> clusterAs(AgencyIdentifier identifier, String tenant) {
    return walk(List.of(identifier), tenant);
  }

  /**
   * Breadth first, one level at a time: the links of every identifier reached at one level are
   * read in one query, so a person costs as many queries as their cluster has levels (two or
   * three), not one per identifier in it.
   */
  private Set<AgencyIdentifier> walk(Collection<AgencyIdentifier> identifiers, String asTenant) {
    Set<AgencyIdentifier> cluster = new java.util.HashSet<>(identifiers);
    Set<Visit> seen = new java.util.HashSet<>();
    List<Visit> level = identifiers.stream().map(id -> new Visit(id, asTenant, asTenant == null)).toList();
    while (!level.isEmpty()) {
      List<Visit> visits = level.stream().filter(seen::add).toList();
      Map<AgencyIdentifier, List<Edge>> edges = visits.isEmpty() ? Map.of()
          : activeEdgesOf(visits.stream().map(Visit::id).collect(java.util.stream.Collectors.toSet()));
      List<Visit> next = new ArrayList<>();
      for (Visit at : visits) {
        for (Edge edge : edges.getOrDefault(at.id(), List.of())) {
          if (at.mayFollow(edge)) {
            AgencyIdentifier other = edge.other(at.id());
            cluster.add(other);
            next.add(new Visit(other, edge.tenant(), false));
          }
        }
      }
      level = next;
    }
    return Set.copyOf(cluster);
  }

  /** The active links of each of {@code ids}, read in one query. */
  private Map<AgencyIdentifier, List<Edge>> activeEdgesOf(Set<AgencyIdentifier> ids) {
    List<Object> params = new ArrayList<>();
    List<Edge> edges = jdbc.sql(touching("a_system, a_value, b_system, b_value, tenant", ids, " AND ended_at IS NULL", params))
        .params(params)
        .query((row, n) -> new Edge(new AgencyIdentifier(row.getString("a_system"), row.getString("a_value")),
            new AgencyIdentifier(row.getString("b_system"), row.getString("b_value")), row.getString("tenant")))
        .list();
    Map<AgencyIdentifier, List<Edge>> byIdentifier = new java.util.HashMap<>();
    for (Edge edge : edges) {
      for (AgencyIdentifier end : edge.a().equals(edge.b()) ? List.of(edge.a()) : List.of(edge.a(), edge.b())) {
        if (ids.contains(end)) {
          byIdentifier.computeIfAbsent(end, k -> new ArrayList<>()).add(edge);
        }
      }
    }
    return byIdentifier;
  }

  /** A link as the traversal sees it. */
  private record Edge(AgencyIdentifier a, AgencyIdentifier b, String tenant) {
    AgencyIdentifier other(AgencyIdentifier from) {
      return from.equals(a) ? b : a;
    }
  }

  /**
   * Standing on {@code id}, having come by a link made for {@code tenant} (null: none); a start
   * point follows every link of its own.
   */
  private record Visit(AgencyIdentifier id, String tenant, boolean start) {
    boolean mayFollow(Edge edge) {
      if (start || !IdentifierSystems.SHARED.contains(id.system())) {
        return true;
      }
      return tenant != null && tenant.equals(edge.tenant());
    }
  }

  boolean activeLinkExists(AgencyIdentifier x, AgencyIdentifier y) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM identity_link WHERE ended_at IS NULL AND ((a_system = ? AND"
                    + " a_value = ? AND b_system = ? AND b_value = ?) OR (a_system = ? AND a_value = ?"
                    + " AND b_system = ? AND b_value = ?))")
            .params(x.system(), x.value(), y.system(), y.value(), y.system(), y.value(), x.system(), x.value())
            .query(Long.class)
            .single()
        > 0;
  }

  void insertLink(AgencyIdentifier a, AgencyIdentifier b, LinkMethod method, String source,
      Instant at, String confirmedBy) {
    insertLink(a, b, method, source, at, confirmedBy, null);
  }

  /** @param tenant for a link to a shared identifier: the tenant it was made for (see {@link #cluster}) */
  void insertLink(AgencyIdentifier a, AgencyIdentifier b, LinkMethod method, String source,
      Instant at, String confirmedBy, String tenant) {
    jdbc.sql(
            "INSERT INTO identity_link (a_system, a_value, b_system, b_value, method, source,"
                + " created_at, confirmed_by, tenant) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(a.system(), a.value(), b.system(), b.value(), method.name(), source,
            Timestamp.from(at), confirmedBy, tenant)
        .update();
  }

  int endLinksOf(AgencyIdentifier id, Instant at, String reason) {
    return jdbc.sql(
            "UPDATE identity_link SET ended_at = ?, ended_reason = ? WHERE ended_at IS NULL AND"
                + " ((a_system = ? AND a_value = ?) OR (b_system = ? AND b_value = ?))")
        .params(Timestamp.from(at), reason, id.system(), id.value(), id.system(), id.value())
        .update();
  }

  void rememberPerson(PersonRow person, String source, Instant at) {
    Demographics d = person.demographics();
    jdbc.sql(
            "INSERT INTO identity_person (id_system, id_value, match_name, birth_date, postcode,"
                + " source, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(person.identifier().system(), person.identifier().value(), d.matchName(),
            d.birthDate(), d.postcode(), source, Timestamp.from(at))
        .update();
  }

  /** Whether the index already remembers this identifier with exactly these details. */
  boolean personKnown(PersonRow person) {
    Demographics d = person.demographics();
    return jdbc.sql(
                "SELECT COUNT(*) FROM identity_person WHERE id_system = ? AND id_value = ? AND match_name = ?"
                    + " AND birth_date = ? AND postcode = ?")
            .params(person.identifier().system(), person.identifier().value(), d.matchName(), d.birthDate(),
                d.postcode())
            .query(Long.class)
            .single()
        > 0;
  }

  /** People who share at least two of the three fields with {@code d}. */
  List<PersonRow> candidates(Demographics d) {
    return jdbc.sql(
            "SELECT id_system, id_value, match_name, birth_date, postcode FROM identity_person"
                + " WHERE (match_name = ? AND birth_date = ?) OR (match_name = ? AND postcode = ?)"
                + " OR (birth_date = ? AND postcode = ?)")
        .params(d.matchName(), d.birthDate(), d.matchName(), d.postcode(), d.birthDate(), d.postcode())
        .query(
            (row, n) ->
                new PersonRow(
                    new AgencyIdentifier(row.getString(1), row.getString(2)),
                    new Demographics(row.getString(3), row.getString(4), row.getString(5))))
        .list();
  }

  List<String> valuesOfSystem(String system) {
    return jdbc.sql("SELECT DISTINCT id_value FROM identity_person WHERE id_system = ?")
        .param(system)
        .query(String.class)
        .list();
  }

  void forgetPeople(AgencyIdentifier id) {
    jdbc.sql("DELETE FROM identity_person WHERE id_system = ? AND id_value = ?")
        .params(id.system(), id.value())
        .update();
  }

  /** Whether the pair (either way round) was ever sent to review. */
  boolean reviewExists(AgencyIdentifier a, AgencyIdentifier b) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM identity_review WHERE " + REVIEW_OF_THE_PAIR)
            .params(a.system(), a.value(), b.system(), b.value(), b.system(), b.value(), a.system(), a.value())
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Inserts a pending review unless the pair (either way round) was ever reviewed.
   *
   * @return whether it inserted one
   */
  boolean insertReviewIfNew(AgencyIdentifier a, AgencyIdentifier b, String field, String source, Instant at) {
    return jdbc.sql(
            "INSERT INTO identity_review (a_system, a_value, b_system, b_value, differing_field,"
                + " source, created_at, status) SELECT ?, ?, ?, ?, ?, ?, ?, 'PENDING' WHERE NOT"
                + " EXISTS (SELECT 1 FROM identity_review WHERE " + REVIEW_OF_THE_PAIR + ")")
        .params(a.system(), a.value(), b.system(), b.value(), field, source, Timestamp.from(at),
            a.system(), a.value(), b.system(), b.value(), b.system(), b.value(), a.system(), a.value())
        .update() > 0;
  }

  List<IdentityReview> reviews(String status) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM identity_review WHERE status = ? ORDER BY review_id")
        .param(status)
        .query(IdentityStore::toReview)
        .list();
  }

  Optional<IdentityReview> reviewForUpdate(long id) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM identity_review WHERE review_id = ? FOR UPDATE")
        .param(id)
        .query(IdentityStore::toReview)
        .optional();
  }

  void decideReview(long id, String status, String by, Instant at) {
    jdbc.sql("UPDATE identity_review SET status = ?, decided_by = ?, decided_at = ? WHERE review_id = ?")
        .params(status, by, Timestamp.from(at), id)
        .update();
  }

  /**
   * A query for the links with one of {@code ids} on either side: one indexed look-up per
   * identifier and side, put together with UNION. Not one WHERE with ORs: H2 plans {@code (a = ?)
   * OR (b = ?)} as a scan of the whole table, although each side is indexed, and the identity index
   * is read several times per person for every recipient of every message.
   */
  static String touching(String columns, Collection<AgencyIdentifier> ids, String condition,
      List<Object> params) {
    List<String> lookups = new ArrayList<>();
    for (AgencyIdentifier id : ids) {
      for (String side : List.of("a", "b")) {
        lookups.add("SELECT " + columns + " FROM identity_link WHERE " + side + "_system = ? AND " + side
            + "_value = ?" + condition);
        params.add(id.system());
        params.add(id.value());
      }
    }
    return String.join(" UNION ", lookups);
  }

  private static IdentityLink toLink(ResultSet row, int n) throws SQLException {
    Timestamp ended = row.getTimestamp("ended_at");
    return new IdentityLink(
        row.getLong("link_id"),
        new AgencyIdentifier(row.getString("a_system"), row.getString("a_value")),
        new AgencyIdentifier(row.getString("b_system"), row.getString("b_value")),
        LinkMethod.valueOf(row.getString("method")),
        row.getString("source"),
        row.getTimestamp("created_at").toInstant(),
        row.getString("confirmed_by"),
        ended == null ? null : ended.toInstant(),
        row.getString("ended_reason"));
  }

  private static IdentityReview toReview(ResultSet row, int n) throws SQLException {
    Timestamp decided = row.getTimestamp("decided_at");
    return new IdentityReview(
        row.getLong("review_id"),
        new AgencyIdentifier(row.getString("a_system"), row.getString("a_value")),
        new AgencyIdentifier(row.getString("b_system"), row.getString("b_value")),
        row.getString("differing_field"),
        row.getString("source"),
        row.getTimestamp("created_at").toInstant(),
        row.getString("status"),
        row.getString("decided_by"),
        decided == null ? null : decided.toInstant());
  }
}
