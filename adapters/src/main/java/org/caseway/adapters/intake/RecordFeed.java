package org.caseway.adapters.intake;

import java.util.List;
import org.caseway.mappings.MappingOutput;

/**
 * Where a channel hands records that are not messages: a file a partner drops only so that Caseway
 * can link people (the housing tenancy roll). Chosen by name with the file-drop channel's
 * {@code feeds} setting.
 *
 * <p>Contract: thread-safe; applies one whole input at once (a roll is the whole roll), in one
 * transaction; passes nothing on to any partner.
 */
public interface RecordFeed {

  /** The name a channel's {@code feeds} setting uses, e.g. {@code identity-links}. */
  String name();

  /**
   * @param partnerId the partner whose file it is
   * @param sourceName the input's name (the file name), recorded as the source of what is learnt
   * @param records every good record of the input, as the mapping made them
   * @param complete true when no record of the input was refused, so that the records are the
   *     whole input (a roll with bad rows must not end the tenancies on those rows)
   * @throws IntakeUnavailableException when the database cannot take it now; try again later
   */
  void apply(String partnerId, String sourceName, List<MappingOutput> records, boolean complete);
}
