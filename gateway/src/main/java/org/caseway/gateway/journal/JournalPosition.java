package org.caseway.gateway.journal;

/** Where the broker put a journal record: its partition and offset in the journal topic. */
public record JournalPosition(int partition, long offset) {}
