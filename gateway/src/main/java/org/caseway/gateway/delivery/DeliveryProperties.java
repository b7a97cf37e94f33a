package org.caseway.gateway.delivery;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How disclosures are delivered.
 *
 * @param maxAttempts attempts per disclosure on transient failures (5xx, 429, timeouts, refused
 *     connections, retriable Kafka errors) before dispatch gives up on the message for now and takes
 *     it again from the journal. Default {@code 3}. Permanent failures are not retried.
 * @param retryBackoff wait before the second attempt, doubled for each further one. Default {@code
 *     500ms}.
 * @param sendTimeout how long one attempt waits for the broker's acknowledgement or the partner's
 *     HTTP answer. Default {@code 10s}.
 * @param fhirBaseUrls the FHIR base URL of each partner with a {@code fhir-process-message} out
 *     channel, by partner id (e.g. {@code northshire-mh-trust: https://fhir.trust.example/fhir});
 *     overrides the channel's {@code url}. Messages are posted to {@code {base}/$process-message}.
 *     Default: none (the channel's {@code url}).
 * @param topicPartitions partitions of the outbound topics the gateway creates when missing.
 *     Default {@code 6}.
 */
@ConfigurationProperties("caseway.delivery")
public record DeliveryProperties(
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("500ms") Duration retryBackoff,
    @DefaultValue("10s") Duration sendTimeout,
    Map<String, String> fhirBaseUrls,
    @DefaultValue("6") int topicPartitions) {

  public DeliveryProperties {
    fhirBaseUrls = fhirBaseUrls == null ? Map.of() : Map.copyOf(fhirBaseUrls);
  }
}
