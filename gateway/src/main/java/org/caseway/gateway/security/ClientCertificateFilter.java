package org.caseway.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.ErrorTranslator;
import org.caseway.gateway.fhir.FhirResponses;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mutual TLS per partner: a partner listed in {@code caseway.security.client-certificates} must
 * present, on the same TLS connection as its token, the client certificate with the configured
 * subject. The TLS layer has already checked the certificate against the trust store; this filter
 * binds it to the partner, so that a stolen token alone is not enough. Runs after bearer-token
 * authentication; calls of other partners pass.
 */
public class ClientCertificateFilter extends OncePerRequestFilter {

  static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  private final Map<String, X500Principal> required;
  private final FhirResponses responses;

  public ClientCertificateFilter(Map<String, String> subjects, FhirResponses responses) {
    this.required = subjects.entrySet().stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new X500Principal(e.getValue())));
    this.responses = responses;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    X500Principal expected = caller == null ? null : required.get(caller.getName());
    if (expected != null && !presented(request, expected)) {
      responses.write(ErrorTranslator.translate(ErrorCode.CLIENT_CERTIFICATE_REQUIRED,
          "Partner '" + caller.getName() + "' must call over mutual TLS with its client certificate ("
              + expected.getName() + "); this call presented " + (certificate(request) == null ? "none"
              : "another certificate") + "."), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean presented(HttpServletRequest request, X500Principal expected) {
    X509Certificate certificate = certificate(request);
    return certificate != null && certificate.getSubjectX500Principal().equals(expected);
  }

  private static X509Certificate certificate(HttpServletRequest request) {
    Object chain = request.getAttribute(CERTIFICATES);
    return chain instanceof X509Certificate[] certificates && certificates.length > 0 ? certificates[0] : null;
  }
}
