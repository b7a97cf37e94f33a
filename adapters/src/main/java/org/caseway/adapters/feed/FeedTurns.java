package org.caseway.adapters.feed;

/**
 * Which gateway instance polls a change feed when several run the same channels: one at a time, so
 * that they do not each read every page and save the one cursor over each other.
 *
 * <p>Implementations are thread-safe. The gateway's lives in its database, with the drop folders'
 * file claims: a turn is held while its instance lives and renews it, and taken over by another
 * once a dead instance's lease has run out.
 */
@FunctionalInterface
public interface FeedTurns {

  /** One instance alone: every poll is its turn. */
  FeedTurns SINGLE_INSTANCE = channelId -> true;

  /**
   * Whether this instance may poll the channel's feed now: it holds the turn (and has just renewed
   * it), or has just taken it, the feed being nobody's or its holder's lease having run out.
   */
  boolean mayPoll(String channelId);
}
