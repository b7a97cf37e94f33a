package org.caseway.adapters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.caseway.adapters.feed.ChangeFeedPoller;
import org.caseway.adapters.feed.FeedClient;
import org.caseway.adapters.filedrop.FileDropProcessor;
import org.caseway.adapters.kafka.CommitOffset;
import org.caseway.adapters.kafka.KafkaInAcknowledger;
import org.caseway.adapters.kafka.KafkaRecordPreparer;
import org.caseway.adapters.outbound.FhirPushSender;
import org.caseway.adapters.outbound.OutboundTranslator;
import org.caseway.adapters.outbound.RestPushSender;
import org.caseway.adapters.outbound.SoapCallSender;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingException;

/**
 * Every partner channel as a Camel route: one route template per integration style
 * ({@link ChannelTypes}), and one route made from it per channel in the partners file, with the
 * channel's settings and its own beans. Adding a partner that uses an existing style is a partners
 * file entry and a mapping; no Java.
 *
 * <p>Route ids: {@code {partner}-{in|out}-{type}}; a shared inbound topic's route is
 * {@code kafka-in-{topic}}. Outbound routes start at {@link EndpointUris#outbound} and let failures
 * propagate to their caller (dispatch), which decides about retries; inbound routes handle their
 * own (see each style's processor).
 */
public class PartnerChannelRoutes extends RouteBuilder {

  static final String TEMPLATE_OUT_HTTP = "outbound-http";

  private final List<ChannelDefinition> channels;
  private final AdapterServices services;

  public PartnerChannelRoutes(List<ChannelDefinition> channels, AdapterServices services) {
    this.channels = List.copyOf(channels);
    this.services = services;
  }

  @Override
  public void configure() {
    services.fileClaims().ifPresent(claims -> getCamelContext().getRegistry().bind(AdapterServices.FILE_CLAIMS_BEAN, claims));
    defineTemplates();
    channels.stream().filter(c -> c.direction() == Direction.IN).forEach(this::addInbound);
    channels.stream().filter(c -> c.direction() == Direction.OUT).forEach(this::addOutbound);
    addKafkaInbound();
  }

  private void defineTemplates() {
    routeTemplate(ChannelTypes.FILE_DROP)
        .templateParameter("from-uri")
        .from("{{from-uri}}")
        .process("#{{processor}}").id("take-file");

    routeTemplate(ChannelTypes.REST_CHANGE_FEED)
        .templateParameter("from-uri")
        .from("{{from-uri}}")
        .process("#{{poller}}").id("poll-feed");

    routeTemplate(ChannelTypes.KAFKA + "-in")
        .templateParameter("from-uri")
        .templateParameter("acks-uri")
        .from("{{from-uri}}")
        .process("#{{acknowledger}}").id("accept-and-acknowledge")
        .filter(header(KafkaInAcknowledger.SKIP_HEADER).isNull())
            .to("{{acks-uri}}").id("publish-acknowledgement")
        .end()
        .process("#{{commit}}").id("commit-offset");

    routeTemplate(TEMPLATE_OUT_HTTP)
        .templateParameter("from-uri")
        .from("{{from-uri}}")
        .errorHandler(noErrorHandler())
        .process("#{{translator}}").id("translate-out")
        .split(body()).stopOnException()
            .process("#{{sender}}").id("send")
        .end();

    routeTemplate(ChannelTypes.KAFKA + "-out")
        .templateParameter("from-uri")
        .templateParameter("to-uri")
        .from("{{from-uri}}")
        .errorHandler(noErrorHandler())
        .process("#{{translator}}").id("translate-out")
        .split(body()).stopOnException()
            .process("#{{preparer}}").id("prepare-record")
            .to("{{to-uri}}").id("publish")
        .end();
  }

  private void addInbound(ChannelDefinition channel) {
    switch (channel.type()) {
      case ChannelTypes.FILE_DROP -> templatedRoute(ChannelTypes.FILE_DROP)
          .routeId(channel.routeId())
          .parameter("from-uri", EndpointUris.fileDrop(channel,
              services.fileClaims().map(claims -> AdapterServices.FILE_CLAIMS_BEAN)))
          .bean("processor", new FileDropProcessor(channel, mapper(channel), services.intake(),
              services.feedFor(channel), services.gate()));
      case ChannelTypes.REST_CHANGE_FEED -> templatedRoute(ChannelTypes.REST_CHANGE_FEED)
          .routeId(channel.routeId())
          .parameter("from-uri", EndpointUris.feedTimer(channel))
          .bean("poller", new ChangeFeedPoller(channel, new FeedClient(channel, services.http(), services.clock()),
              services.feedState(), services.feedTurns(), mapper(channel), services.intake(), services.gate(),
              services.clock()));
      case ChannelTypes.KAFKA, ChannelTypes.FHIR_PROCESS_MESSAGE -> { }
      default -> throw channel.problem("type", "is '" + channel.type() + "'; an in channel is one of " + ChannelTypes.IN);
    }
  }

  private void addOutbound(ChannelDefinition channel) {
    switch (channel.type()) {
      case ChannelTypes.REST_PUSH -> outboundHttp(channel, new RestPushSender(channel, services.http(), services.clock()));
      case ChannelTypes.SOAP_CALL -> outboundHttp(channel, new SoapCallSender(channel, services.http(), services.clock()));
      case ChannelTypes.FHIR_PROCESS_MESSAGE -> outboundHttp(channel, new FhirPushSender(channel, services.http(), services.clock()));
      case ChannelTypes.KAFKA -> templatedRoute(ChannelTypes.KAFKA + "-out")
          .routeId(channel.routeId())
          .parameter("from-uri", EndpointUris.outbound(channel.partnerId()))
          .parameter("to-uri", EndpointUris.kafkaOut(channel.required("topic"), services.kafkaBrokers(),
              channel.duration("timeout", Duration.ofSeconds(10)), services.kafkaOptions()))
          .bean("translator", new OutboundTranslator(channel, optionalMapper(channel)))
          .bean("preparer", new KafkaRecordPreparer());
      default -> throw channel.problem("type", "is '" + channel.type() + "'; an out channel is one of " + ChannelTypes.OUT);
    }
  }

  private void outboundHttp(ChannelDefinition channel, org.apache.camel.Processor sender) {
    templatedRoute(TEMPLATE_OUT_HTTP)
        .routeId(channel.routeId())
        .parameter("from-uri", EndpointUris.outbound(channel.partnerId()))
        .bean("translator", new OutboundTranslator(channel, optionalMapper(channel)))
        .bean("sender", sender);
  }

  /** One consumer per inbound topic, shared by the partners whose Kafka in channel names it. */
  private void addKafkaInbound() {
    Map<String, Map<String, String>> acksByTopic = new LinkedHashMap<>();
    channels.stream()
        .filter(c -> c.direction() == Direction.IN && ChannelTypes.KAFKA.equals(c.type()))
        .forEach(c -> acksByTopic.computeIfAbsent(c.required("topic"), t -> new LinkedHashMap<>())
            .put(c.partnerId(), c.optional("acks-topic", "caseway.acks." + c.partnerId())));
    acksByTopic.forEach((topic, acks) -> templatedRoute(ChannelTypes.KAFKA + "-in")
        .routeId("kafka-in-" + topic)
        .parameter("from-uri", EndpointUris.kafkaIn(topic, groupId(topic), services.kafkaBrokers(), services.kafkaOptions()))
        .parameter("acks-uri", EndpointUris.kafkaOut(acks.values().iterator().next(), services.kafkaBrokers(),
            Duration.ofSeconds(10), services.kafkaOptions()))
        .bean("acknowledger", new KafkaInAcknowledger(topic, acks, services.intake()))
        .bean("commit", new CommitOffset()));
  }

  private String groupId(String topic) {
    return channels.stream()
        .filter(c -> c.direction() == Direction.IN && ChannelTypes.KAFKA.equals(c.type()) && topic.equals(c.optional("topic", "")))
        .map(c -> c.optional("group-id"))
        .flatMap(Optional::stream)
        .findFirst()
        .orElse("caseway-inbound");
  }

  private Mapper mapper(ChannelDefinition channel) {
    try {
      return services.mappings().mapper(channel.required("mapping"));
    } catch (MappingException e) {
      throw channel.problem("mapping", "cannot be used: " + e.getMessage());
    }
  }

  private Optional<Mapper> optionalMapper(ChannelDefinition channel) {
    return channel.optional("mapping").map(id -> mapper(channel));
  }
}
