package org.caseway.gateway.delivery;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.caseway.adapters.EndpointUris;
import org.caseway.adapters.outbound.DeliveryFailure;
import org.caseway.adapters.outbound.OutboundMessage;
import org.caseway.gateway.policy.Disclosure;

/**
 * Hands a disclosure to the recipient's outbound channel route (the adapters' route template for
 * its {@code out} channel type: Kafka, REST push, SOAP call, FHIR {@code $process-message}), which
 * translates it into the recipient's format and sends it. One instance per channel type; they share
 * the Camel producer. The channel's failure keeps its transient or permanent nature.
 */
public class ChannelDeliveryTransport implements DeliveryTransport {

  private final String type;
  private final ProducerTemplate camel;
  private final ViewSerializer serializer;
  private final DeliveryParameters parameters;

  public ChannelDeliveryTransport(String type, ProducerTemplate camel, ViewSerializer serializer,
      DeliveryParameters parameters) {
    this.type = type;
    this.camel = camel;
    this.serializer = serializer;
    this.parameters = parameters;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public void deliver(Disclosure disclosure, DeliveryTarget target) {
    OutboundMessage message = new OutboundMessage(
        disclosure.view().getIdElement().getIdPart(),
        target.recipientId(),
        target.event(),
        disclosure.purpose(),
        disclosure.agreementId() + "|" + disclosure.agreementVersion(),
        target.subjectKey(),
        serializer.json(disclosure.view()),
        parameters.of(disclosure, target));
    try {
      camel.requestBody(EndpointUris.outbound(target.recipientId()), message);
    } catch (CamelExecutionException e) {
      DeliveryFailure failure = DeliveryFailure.classify(e.getCause() == null ? e : e.getCause());
      throw new DeliveryException(failure.isTransient(), failure.getMessage(), failure.retryAfter(), failure);
    }
  }
}
