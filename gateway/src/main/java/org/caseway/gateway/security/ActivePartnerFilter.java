package org.caseway.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.ErrorTranslator;
import org.caseway.gateway.fhir.FhirResponses;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.partner.PartnerStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every call made with the token of a suspended or withdrawn partner, whatever the
 * endpoint, as soon as the data sharing manager changes its status (the token itself may still be
 * valid for minutes).
 *
 * <p>Runs after bearer-token authentication. Tokens naming no registered partner (the data sharing
 * manager's) pass here; the endpoints decide about them.
 */
public class ActivePartnerFilter extends OncePerRequestFilter {

  private final PartnerDirectory partners;
  private final FhirResponses responses;

  public ActivePartnerFilter(PartnerDirectory partners, FhirResponses responses) {
    this.partners = partners;
    this.responses = responses;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    PartnerStatus blocked = caller == null ? null : blockedStatus(caller.getName());
    if (blocked != null) {
      responses.write(
          ErrorTranslator.translate(
              ErrorCode.PARTNER_NOT_ACTIVE,
              "Partner '" + caller.getName() + "' is " + blocked.name().toLowerCase()
                  + " in the partnership; its tokens are refused until the data sharing manager"
                  + " reinstates it."),
          response);
      return;
    }
    chain.doFilter(request, response);
  }

  private PartnerStatus blockedStatus(String partnerId) {
    return partners
        .find(partnerId)
        .map(Partner::status)
        .filter(s -> s == PartnerStatus.SUSPENDED || s == PartnerStatus.WITHDRAWN)
        .orElse(null);
  }
}
