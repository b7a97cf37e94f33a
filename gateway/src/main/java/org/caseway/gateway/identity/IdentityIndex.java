package org.caseway.gateway.identity;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity index in the database: answers which identifiers belong to one person (following
 * links transitively, only active ones), lists links and reviews, and records a person's decision
 * on a near match.
 *
 * <p>Thread-safe. Reads see committed links; a decision is one transaction, taking its turn with
 * the learners ({@link IdentityStore#takeLearningTurn}).
 */
public class IdentityIndex implements IdentityLinks {

  /** Review statuses. */
  public static final String PENDING = "PENDING";
  public static final String CONFIRMED = "CONFIRMED";
  public static final String REJECTED = "REJECTED";

  private final IdentityStore store;
  private final TransactionTemplate transaction;
  private final Clock clock;

  IdentityIndex(IdentityStore store, TransactionTemplate transaction, Clock clock) {
    this.store = store;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public Set<AgencyIdentifier> linkedTo(Collection<AgencyIdentifier> identifiers) {
    return store.cluster(identifiers);
  }

  /** Every link, active or ended, that touches {@code identifier}: how each was made. */
  public List<IdentityLink> linksOf(AgencyIdentifier identifier) {
    return store.allLinksOf(identifier);
  }

  /** Near matches awaiting a decision, oldest first. */
  public List<IdentityReview> pendingReviews() {
    return store.reviews(PENDING);
  }

  /** Links the pair of a pending review, recording who confirmed it. */
  public IdentityReview confirm(long reviewId, String decidedBy) {
    return decide(reviewId, CONFIRMED, decidedBy);
  }

  /** Closes a pending review without linking; the pair is not queued again. */
  public IdentityReview reject(long reviewId, String decidedBy) {
    return decide(reviewId, REJECTED, decidedBy);
  }

  private IdentityReview decide(long reviewId, String status, String decidedBy) {
    return transaction.execute(
        tx -> {
          store.takeLearningTurn();
          IdentityReview review =
              store.reviewForUpdate(reviewId).orElseThrow(() -> new GatewayException(
                  ErrorCode.NOT_FOUND,
                  "No identity review " + reviewId + "; GET /admin/identity/reviews lists them."));
          if (!PENDING.equals(review.status())) {
            throw new GatewayException(
                ErrorCode.REVIEW_ALREADY_DECIDED,
                "Identity review " + reviewId + " was already " + review.status().toLowerCase()
                    + " by " + review.decidedBy() + ".");
          }
          var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          store.decideReview(reviewId, status, decidedBy, now);
          if (CONFIRMED.equals(status) && !store.activeLinkExists(review.a(), review.b())) {
            store.insertLink(review.a(), review.b(), LinkMethod.REVIEW_CONFIRMED,
                "review:" + reviewId, now, decidedBy);
          }
          return store.reviewForUpdate(reviewId).orElseThrow();
        });
  }
}
