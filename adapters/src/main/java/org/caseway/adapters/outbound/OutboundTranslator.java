package org.caseway.adapters.outbound;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingException;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingResult;
import org.caseway.mappings.RecordError;

/**
 * Translate out: turns the {@link OutboundMessage} in the body into the list of
 * {@link OutboundPayload}s to send, with the channel's {@code mapping} (the council's notifications,
 * housing's SOAP alerts), or as the canonical message itself when the channel has none (Kafka, FHIR).
 *
 * <p>The mapping gets {@code disclosure-id} and the message's parameters, over the channel's
 * {@code param.*} settings. A view the mapping cannot express is a permanent {@link DeliveryFailure}:
 * retrying cannot help, a person must look. A view that makes nothing (no person the format can
 * carry) is delivered as nothing. Thread-safe.
 */
public class OutboundTranslator implements Processor {

  /** Exchange property holding the {@link OutboundMessage} while its payloads are sent. */
  public static final String MESSAGE_PROPERTY = "CasewayOutboundMessage";

  private final ChannelDefinition channel;
  private final Optional<Mapper> mapper;

  public OutboundTranslator(ChannelDefinition channel, Optional<Mapper> mapper) {
    this.channel = channel;
    this.mapper = mapper;
  }

  @Override
  public void process(Exchange exchange) {
    OutboundMessage message = exchange.getIn().getBody(OutboundMessage.class);
    exchange.setProperty(MESSAGE_PROPERTY, message);
    exchange.getIn().setBody(translate(message));
  }

  public List<OutboundPayload> translate(OutboundMessage message) {
    if (mapper.isEmpty()) {
      return List.of(new OutboundPayload(message.canonicalJson(), "application/fhir+json", message.disclosureId()));
    }
    MappingResult result = map(message);
    if (result.hasErrors()) {
      throw cannotExpress(message, result.errors().stream().map(RecordError::describe).collect(Collectors.joining("; ")));
    }
    return result.outputs().stream()
        .map(output -> new OutboundPayload(output.content(), output.mediaType(), output.key()))
        .toList();
  }

  private MappingResult map(OutboundMessage message) {
    Map<String, String> parameters = new HashMap<>(channel.mappingParameters());
    parameters.putAll(message.parameters());
    parameters.put("disclosure-id", message.disclosureId());
    try {
      return mapper.get().map(new MappingInput("disclosure " + message.disclosureId(),
          message.canonicalJson().getBytes(StandardCharsets.UTF_8), parameters));
    } catch (MappingException e) {
      throw cannotExpress(message, e.getMessage());
    }
  }

  private DeliveryFailure cannotExpress(OutboundMessage message, String why) {
    return new DeliveryFailure(false, "Disclosure " + message.disclosureId() + " cannot be put into "
        + channel.partnerId() + "'s format by mapping " + mapper.get().definition().id() + ": " + why);
  }
}
