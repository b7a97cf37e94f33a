package org.caseway.adapters;

import java.util.Set;

/** The integration styles, as a channel's {@code type} names them; each is one route template. */
public final class ChannelTypes {

  /** In: files dropped into a folder, each complete once its {@code .done} marker exists. */
  public static final String FILE_DROP = "file-drop";
  /** In: a partner's REST change feed, polled with a durable cursor. */
  public static final String REST_CHANGE_FEED = "rest-change-feed";
  /** In (a shared topic, the sender named by a header, acknowledged) and out (a topic per recipient). */
  public static final String KAFKA = "kafka";
  /** Out: a JSON POST per payload to the partner's API. */
  public static final String REST_PUSH = "rest-push";
  /** Out: a SOAP 1.1 call per payload. */
  public static final String SOAP_CALL = "soap-call";
  /**
   * Out: FHIR {@code $process-message} on the partner's server. In: the gateway's own
   * {@code /fhir/$process-message} endpoint, which needs no route.
   */
  public static final String FHIR_PROCESS_MESSAGE = "fhir-process-message";

  public static final Set<String> IN = Set.of(FILE_DROP, REST_CHANGE_FEED, KAFKA, FHIR_PROCESS_MESSAGE);
  public static final Set<String> OUT = Set.of(KAFKA, REST_PUSH, SOAP_CALL, FHIR_PROCESS_MESSAGE);

  private ChannelTypes() {}
}
