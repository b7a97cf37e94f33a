package org.caseway.gateway.agreement;

import java.util.Comparator;
import java.util.List;

/**
 * A set of agreement versions loaded together, sorted by id and version. Immutable.
 *
 * @param agreements every version, in force or not
 */
public record AgreementSet(List<Agreement> agreements) {

  public static final AgreementSet EMPTY = new AgreementSet(List.of());

  public AgreementSet {
    agreements =
        agreements.stream()
            .sorted(Comparator.comparing(Agreement::id).thenComparing(Agreement::version))
            .toList();
  }
}
