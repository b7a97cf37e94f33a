package org.caseway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.agreement.AgreementDocument;
import org.caseway.gateway.agreement.AgreementLoader;
import org.caseway.gateway.agreement.AgreementSet;
import org.caseway.gateway.agreement.AgreementVocabulary;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLinks;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerRegistry;
import org.caseway.gateway.policy.engine.AgreementPolicyEngine;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Northshire partnership as the gateway loads it (partners file, committed agreements, the
 * guide), and the people of the guide's incident example with the links that make it go to
 * council, housing and probation.
 */
final class Northshire {

  static final String POLICE = "northshire-police";
  static final String COUNCIL = "northshire-council";
  static final String HOUSING = "northshire-housing";
  static final String PROBATION = "northshire-probation";
  static final String MH_TRUST = "northshire-mh-trust";

  static final String NOMINAL = "https://id.northshire.police.uk/nominal";
  static final String PNC = "https://id.pnc.police.uk/person";
  static final String COUNCIL_PARTY = "https://id.northshire.gov.uk/asb-party";
  static final String TENANCY = "https://id.northshirehomes.org.uk/tenancy";
  static final String CRN = "https://id.probation.gov.uk/crn";
  static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";

  /** A day on which all three Northshire agreements are in force. */
  static final Instant IN_FORCE = Instant.parse("2026-11-03T10:00:00Z");

  private static final String AGREEMENTS = "classpath:caseway/northshire/agreements/*.yaml";

  private Northshire() {}

  static PartnerRegistry partners() {
    return PartnerRegistry.load(new ClassPathResource("caseway/northshire/partners.yaml"));
  }

  static AgreementSet agreements() {
    PartnerRegistry partners = partners();
    AgreementLoader loader = new AgreementLoader(AgreementVocabulary.of(ImplementationGuide.load(),
        partners.all().stream().map(Partner::id).toList(),
        partners.all().stream().flatMap(p -> p.identifierSystems().stream()).collect(Collectors.toSet())));
    AgreementLoader.Result result = loader.load(agreementDocuments());
    if (!result.succeeded()) {
      throw new IllegalStateException("The committed agreements do not load: " + result.problems());
    }
    return result.agreements();
  }

  /** The engine as the gateway configures it (application.yaml's OFFICIAL-SENSITIVE recipients). */
  static AgreementPolicyEngine engine(IdentityLinks links) {
    AgreementSet agreements = agreements();
    return new AgreementPolicyEngine(() -> agreements, partners(), links, Set.of(POLICE, PROBATION),
        ImplementationGuide.load());
  }

  /** The guide's incident example (suspect, victim, witness), a copy the caller may change. */
  static Bundle incident() {
    return (Bundle) ImplementationGuide.load().example("Bundle-example-incident-reported").copy();
  }

  /** The guide's risk-flag example (the trust's, with the patient's consent). */
  static Bundle riskFlag() {
    return (Bundle) ImplementationGuide.load().example("Bundle-example-risk-flag-raised").copy();
  }

  /**
   * What the identity index holds about the incident's people in the policy scenario tests: the
   * suspect is in the IOM cohort, a tenant, a trust patient and a council party; the victim a
   * council party.
   */
  static MemoryLinks incidentLinks() {
    return new MemoryLinks()
        .link(id(NOMINAL, "N0048213"), id(PNC, "2013/0456789K"), id(CRN, "X123456"), id(TENANCY, "T104233"),
            id(NHS, "9434765919"), id(COUNCIL_PARTY, "70001"))
        .link(id(NOMINAL, "N0051120"), id(COUNCIL_PARTY, "70002"));
  }

  /**
   * One person record the identity learner links as the index of {@link #incidentLinks} (the
   * suspect's strong identifiers on one Patient).
   */
  static Bundle suspectRecord() {
    return personRecord(new Identifier().setSystem(PNC).setValue("2013/0456789K"),
        new Identifier().setSystem(CRN).setValue("X123456"),
        new Identifier().setSystem(TENANCY).setValue("T104233"),
        new Identifier().setSystem(NHS).setValue("9434765919"),
        new Identifier().setSystem(COUNCIL_PARTY).setValue("70001"));
  }

  /** A bundle holding one Patient with these identifiers, as the identity learner reads people. */
  static Bundle personRecord(Identifier... identifiers) {
    Patient person = new Patient();
    for (Identifier identifier : identifiers) {
      person.addIdentifier(identifier);
    }
    Bundle record = new Bundle();
    record.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(person);
    return record;
  }

  static String id(String system, String value) {
    return system + "|" + value;
  }

  private static List<AgreementDocument> agreementDocuments() {
    try {
      List<AgreementDocument> documents = new ArrayList<>();
      for (Resource r : new PathMatchingResourcePatternResolver().getResources(AGREEMENTS)) {
        documents.add(new AgreementDocument(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An identity index in memory: each {@link #link} declares one person's identifiers. */
  static final class MemoryLinks implements IdentityLinks {

    private final List<Set<AgencyIdentifier>> clusters = new ArrayList<>();

    MemoryLinks link(String... systemBarValue) {
      Set<AgencyIdentifier> cluster = new HashSet<>();
      for (String token : systemBarValue) {
        cluster.add(AgencyIdentifier.parse(token));
      }
      clusters.add(cluster);
      return this;
    }

    @Override
    public Set<AgencyIdentifier> linkedTo(Collection<AgencyIdentifier> identifiers) {
      Set<AgencyIdentifier> linked = new HashSet<>(identifiers);
      for (Set<AgencyIdentifier> cluster : clusters) {
        if (cluster.stream().anyMatch(identifiers::contains)) {
          linked.addAll(cluster);
        }
      }
      return Set.copyOf(linked);
    }
  }
}
