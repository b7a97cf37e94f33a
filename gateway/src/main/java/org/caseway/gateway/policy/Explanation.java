package org.caseway.gateway.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.caseway.gateway.fhir.FhirJson;
import org.caseway.gateway.identity.AgencyIdentifier;

/**
 * The JSON answer of {@code $explain}: a {@link PolicyDecision} as data, each view as FHIR JSON.
 * Subjects are written as {@code system|value} lists, one list per person.
 *
 * @param messageId the message's id
 * @param event its event code
 * @param source the sending partner
 * @param recipient the partner the decision is for
 * @param at the instant decided for
 * @param disclosesAnything whether the recipient would receive anything
 * @param disclosures one per agreement that allows something
 * @param withholdings what would not be shared, and why
 * @param reasons every rule considered, in order, with its outcome
 */
public record Explanation(
    String messageId,
    String event,
    String source,
    String recipient,
    Instant at,
    boolean disclosesAnything,
    List<DisclosureView> disclosures,
    List<WithholdingView> withholdings,
    List<Reason> reasons) {

  /** A disclosure: the agreement, what it shares, and the view itself. */
  public record DisclosureView(String agreement, int version, String purpose, Set<String> categories,
      List<String> elements, List<List<String>> subjects, JsonNode view) {}

  /** A withholding, with a stable code. */
  public record WithholdingView(String agreement, Integer version, String purpose, String code, String reason,
      Set<String> categories, List<List<String>> subjects) {}

  public static Explanation of(PolicyDecision decision, Instant at, FhirJson json, ObjectMapper mapper) {
    return new Explanation(decision.messageId(), decision.event(), decision.sourceId(), decision.recipientId(), at,
        decision.disclosesAnything(),
        decision.disclosures().stream().map(d -> new DisclosureView(d.agreementId(), d.agreementVersion(), d.purpose(),
            d.categories(), d.elements(), subjects(d.subjects()), tree(mapper, json.encode(d.view())))).toList(),
        decision.withholdings().stream().map(w -> new WithholdingView(w.agreementId(), w.agreementVersion(),
            w.purpose(), w.reasonCode(), w.reason(), w.categories(), subjects(w.subjects()))).toList(),
        decision.reasons());
  }

  private static List<List<String>> subjects(List<Set<AgencyIdentifier>> subjects) {
    return subjects.stream().map(Explanation::identifiers).toList();
  }

  private static List<String> identifiers(Collection<AgencyIdentifier> identifiers) {
    return identifiers.stream().map(AgencyIdentifier::toString).sorted().toList();
  }

  private static JsonNode tree(ObjectMapper mapper, String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A view the gateway encoded is not JSON", e);
    }
  }
}
