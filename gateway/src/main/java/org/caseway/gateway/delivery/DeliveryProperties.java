package org.caseway.gateway.delivery;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How disclosures are delivered from the outbox. Where each partner is reached is its {@code out}
 * channel in the partners file; each channel's {@code timeout} bounds one attempt.
 *
 * @param workersEnabled whether this instance delivers. Default {@code true}. Instances share the
 *     work through the database (a delivery is claimed by one at a time).
 * @param retryBackoff wait before the second attempt after a transient failure, doubled for each
 *     further one (with jitter, from half to all of it), unless the recipient's {@code Retry-After}
 *     says otherwise. Default {@code 1s}.
 * @param maxBackoff the longest wait between attempts. Default {@code 5m}.
 * @param giveUpAfter how long a delivery may keep failing transiently before it becomes a dead
 *     letter for a person to look at. Default {@code 24h}.
 * @param breakerThreshold transient failures in a row after which a recipient's circuit opens (no
 *     attempts to it for {@link #breakerOpenFor}, then one trial). Default {@code 5}.
 * @param breakerOpenFor how long an open circuit stays open; doubled (up to {@link #maxBackoff})
 *     each time a trial fails. Default {@code 30s}.
 * @param claimLease how long an instance holds a delivery it is attempting; an instance that dies
 *     lets go when it runs out. Must exceed the slowest channel's timeout. Default {@code 2m}.
 * @param pollInterval how often an idle worker looks for deliveries that became due (new ones wake
 *     it at once). Default {@code 500ms}.
 * @param batchSize deliveries a worker takes per round. Default {@code 20}.
 * @param lanes how many deliveries to one recipient may be in flight at once, each about another
 *     person (a person's deliveries always go one at a time, in order). One lane bounds a recipient
 *     to one call per round trip: a SOAP service answering in a second takes one alert a second.
 *     Default {@code 4}; {@code 1} delivers strictly one after another.
 * @param partnerLanes {@link #lanes} for particular recipients, by partner id (a partner whose
 *     system takes fewer calls at once, say). Default: none.
 */
@ConfigurationProperties("caseway.delivery")
public record DeliveryProperties(
    @DefaultValue("true") boolean workersEnabled,
    @DefaultValue("1s") Duration retryBackoff,
    @DefaultValue("5m") Duration maxBackoff,
    @DefaultValue("24h") Duration giveUpAfter,
    @DefaultValue("5") int breakerThreshold,
    @DefaultValue("30s") Duration breakerOpenFor,
    @DefaultValue("2m") Duration claimLease,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("20") int batchSize,
    @DefaultValue("4") int lanes,
    Map<String, Integer> partnerLanes) {

  public DeliveryProperties {
    if (lanes < 1) {
      throw new IllegalArgumentException(
          "caseway.delivery.lanes is " + lanes + ": set it to 1 or more (1 delivers one at a time)");
    }
    partnerLanes = partnerLanes == null ? Map.of() : Map.copyOf(partnerLanes);
    partnerLanes.forEach((partner, n) -> {
      if (n == null || n < 1) {
        throw new IllegalArgumentException("caseway.delivery.partner-lanes." + partner + " is " + n
            + ": set it to 1 or more (1 delivers one at a time)");
      }
    });
  }

  /** The lanes to {@code recipientId}: its own setting, or {@link #lanes}. */
  public int lanesFor(String recipientId) {
    return partnerLanes.getOrDefault(recipientId, lanes);
  }
}
