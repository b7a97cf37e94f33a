package org.caseway.adapters;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.caseway.adapters.filedrop.FileDropProcessor;

/**
 * The Camel endpoint URIs of the channel routes, made from channel settings in one place so that
 * what each style asks of its component can be read (and tested) at a glance.
 */
public final class EndpointUris {

  private EndpointUris() {}

  /** Where the outbound route of {@code partnerId} starts; dispatch's delivery sends there. */
  public static String outbound(String partnerId) {
    return "direct:caseway-out-" + partnerId;
  }

  /**
   * A drop folder: a file is taken once its {@code <name>.done} marker exists (the marker is deleted
   * with it), in name order (the exports' names carry their time), at most ten per poll, and moved
   * to the sub-folder {@link FileDropProcessor} names. A failure the processor does not handle
   * (the gateway cannot take messages now) leaves file and marker in place for the next poll, which
   * backs off after three failures in a row. The marker-file read lock keeps two gateway instances
   * off one file.
   */
  public static String fileDrop(ChannelDefinition channel) {
    return fileDrop(channel, Optional.empty());
  }

  /**
   * As {@link #fileDrop(ChannelDefinition)}; with {@code claims} (the registry name of an
   * idempotent repository every instance shares), a file is claimed there instead of by a marker
   * file, and let go once it is moved or left for the next poll.
   */
  public static String fileDrop(ChannelDefinition channel, Optional<String> claims) {
    Duration poll = channel.duration("poll-interval", Duration.ofSeconds(2));
    return "file:" + channel.required("directory")
        + "?include=RAW(" + channel.optional("include", "(?i).*\\.csv") + ")"
        + "&doneFileName=${file:name}.done"
        + "&move=${header." + FileDropProcessor.OUTCOME_HEADER + "}/${file:name}"
        + claims.map(bean -> "&readLock=idempotent&idempotentRepository=#" + bean
            + "&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true").orElse("&readLock=markerFile")
        + "&sortBy=file:name&eagerMaxMessagesPerPoll=false&maxMessagesPerPoll=10"
        + "&autoCreate=true&initialDelay=1000&delay=" + poll.toMillis()
        + "&backoffErrorThreshold=3&backoffMultiplier=10";
  }

  /** The tick of a polled feed: frequent and cheap; the poller decides when a poll is due. */
  public static String feedTimer(ChannelDefinition channel) {
    Duration tick = channel.duration("tick", Duration.ofSeconds(1));
    return "timer:" + channel.routeId() + "?period=" + tick.toMillis() + "&delay=1000";
  }

  /**
   * A shared inbound topic, committed by hand once the acknowledgement is published; on a failure
   * the consumer stops at the failed record and takes it again, so nothing behind it overtakes it.
   */
  public static String kafkaIn(String topic, String groupId, String brokers, Map<String, String> options) {
    return "kafka:" + topic + "?brokers=" + brokers + "&groupId=" + groupId
        + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
        + "&maxPollRecords=20" + extra(options);
  }

  /** A reliable producer: idempotent, every in-sync replica acknowledges, the send awaited. */
  public static String kafkaOut(String topic, String brokers, Duration timeout, Map<String, String> options) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    return "kafka:" + topic + "?brokers=" + brokers
        + "&requestRequiredAcks=all&enableIdempotence=true&maxInFlightRequest=5&synchronous=true"
        + "&requestTimeoutMs=" + millis + "&deliveryTimeoutMs=" + millis + extra(options);
  }

  private static String extra(Map<String, String> options) {
    return options.entrySet().stream().map(e -> "&" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
  }
}
