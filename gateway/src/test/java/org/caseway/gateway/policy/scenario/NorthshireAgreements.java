package org.caseway.gateway.policy.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.agreement.AgreementDocument;
import org.caseway.gateway.agreement.AgreementLoader;
import org.caseway.gateway.agreement.AgreementSet;
import org.caseway.gateway.agreement.AgreementVocabulary;
import org.caseway.gateway.partner.Partner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The committed Northshire agreement documents, read from the classpath as the gateway reads them. */
public final class NorthshireAgreements {

  public static final String LOCATION = "classpath:caseway/northshire/agreements/*.yaml";

  private NorthshireAgreements() {}

  public static List<AgreementDocument> documents() {
    try {
      List<AgreementDocument> documents = new ArrayList<>();
      for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        documents.add(new AgreementDocument(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static AgreementLoader loader() {
    FakePartnerDirectory partners = new FakePartnerDirectory();
    return new AgreementLoader(AgreementVocabulary.of(ImplementationGuide.load(),
        partners.all().stream().map(Partner::id).toList(),
        partners.all().stream().flatMap(p -> p.identifierSystems().stream()).collect(Collectors.toSet())));
  }

  public static AgreementSet load() {
    AgreementLoader.Result result = loader().load(documents());
    if (!result.succeeded()) {
      throw new IllegalStateException("The committed agreements do not load: " + result.problems());
    }
    return result.agreements();
  }
}
