package org.caseway.gateway.ledger;

/**
 * An entry as the chain holds it.
 *
 * @param seq its place in the chain, from 1, without gaps
 * @param entry its content
 * @param previousHash the hash of entry {@code seq - 1} (64 zeros for the first)
 * @param entryHash SHA-256 over {@code previousHash} and the canonical form of {@code seq} and
 *     {@code entry}, lower-case hex
 */
public record ChainedEntry(long seq, LedgerEntry entry, String previousHash, String entryHash) {}
