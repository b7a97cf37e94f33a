package org.caseway.gateway.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.caseway.adapters.intake.IntakeUnavailableException;
import org.caseway.adapters.intake.RecordFeed;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.identity.TenancyRollEntry;
import org.caseway.mappings.MappingOutput;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * The housing tenancy roll, as the {@code housing-tenancy-roll} mapping types its rows, into the
 * identity index (housing-soap.md: for linking only; passed on to no one). A complete roll ends the
 * links of tenancies missing from it; a roll with refused rows ends none, since a missing row may be
 * a bad one.
 */
public class TenancyRollFeed implements RecordFeed {

  public static final String NAME = "identity-links";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityLearner identities;

  public TenancyRollFeed(IdentityLearner identities) {
    this.identities = identities;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(String partnerId, String sourceName, List<MappingOutput> records, boolean complete) {
    List<TenancyRollEntry> entries = records.stream().map(TenancyRollFeed::entry).toList();
    try {
      identities.applyTenancyRoll(entries, sourceName, complete);
    } catch (TransientDataAccessException | RecoverableDataAccessException busy) {
      throw new IntakeUnavailableException("The database cannot take the tenancy roll now", busy);
    }
  }

  static TenancyRollEntry entry(MappingOutput record) {
    try {
      JsonNode row = JSON.readTree(record.content());
      JsonNode lines = row.path("address").path("lines");
      return new TenancyRollEntry(
          row.path("tenancyRef").asText(),
          text(row.path("uprn")),
          text(lines.path(0)),
          text(lines.path(1)),
          text(row.path("address").path("town")),
          row.path("address").path("postcode").asText(),
          row.path("surname").asText(),
          text(row.path("forename")),
          LocalDate.parse(row.path("dateOfBirth").asText()),
          row.hasNonNull("startDate") ? LocalDate.parse(row.path("startDate").asText()) : null);
    } catch (IOException e) {
      throw new UncheckedIOException("The tenancy roll mapping made a record that is not JSON", e);
    }
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
