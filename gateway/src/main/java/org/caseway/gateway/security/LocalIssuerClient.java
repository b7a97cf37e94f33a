package org.caseway.gateway.security;

import java.util.List;
import java.util.Objects;

/**
 * One client of the local issuer, as {@code local-issuer-clients.yaml} lists it.
 *
 * @param clientId the partner id the tokens are issued to
 * @param clientSecret the secret, in clear: the file is public and local-only by design
 * @param roles the roles the tokens carry
 */
public record LocalIssuerClient(String clientId, String clientSecret, List<String> roles) {

  public LocalIssuerClient {
    Objects.requireNonNull(clientId, "client-id");
    Objects.requireNonNull(clientSecret, "client-secret of " + clientId);
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  @Override
  public String toString() {
    // Records print every component; keep the secret out of logs and exception messages.
    return "LocalIssuerClient[clientId=" + clientId + ", roles=" + roles + "]";
  }
}
