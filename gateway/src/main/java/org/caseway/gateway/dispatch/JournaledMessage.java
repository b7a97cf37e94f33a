package org.caseway.gateway.dispatch;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.caseway.gateway.journal.JournalRecords;

/**
 * One accepted message as dispatch takes it from the journal: the canonical message and what its
 * record's key and headers say of it.
 *
 * @param json the canonical FHIR message, as accepted
 * @param subjectKey the record key: the person the message is about, so their messages keep order
 * @param messageId the message's id ({@code Bundle.id}), stable across redeliveries
 * @param sourceId the partner it came from
 * @param event the event code
 */
record JournaledMessage(String json, String subjectKey, String messageId, String sourceId, String event) {

  /** Reads one record of a batch Camel's Kafka consumer polled. */
  static JournaledMessage of(Exchange record) {
    Message message = record.getMessage();
    return new JournaledMessage(message.getBody(String.class),
        message.getHeader(KafkaConstants.KEY, String.class),
        message.getHeader(JournalRecords.MESSAGE_ID_HEADER, String.class),
        message.getHeader(JournalRecords.SOURCE_HEADER, String.class),
        message.getHeader(JournalRecords.EVENT_HEADER, String.class));
  }
}
