package org.caseway.gateway.admin;

import org.caseway.gateway.security.PartnerClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who made an admin call, as recorded with what they changed. */
public final class AdminCaller {

  private AdminCaller() {}

  /** {@code subject (partner claim)} of the caller's token; the name alone for other callers. */
  public static String describe(Authentication caller) {
    if (caller instanceof JwtAuthenticationToken jwt) {
      String subject = jwt.getToken().getSubject();
      String partner = jwt.getToken().getClaimAsString(PartnerClaims.PARTNER);
      return (subject == null ? "?" : subject) + " (" + partner + ")";
    }
    return caller.getName();
  }
}
