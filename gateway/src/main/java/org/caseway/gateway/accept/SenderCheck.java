package org.caseway.gateway.accept;

import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.partner.PartnerDirectory;

/**
 * Step 2 of the accept route: a partner may only speak as itself, and only while it is active.
 *
 * <p>The refusals name the token's own partner at most, never the source the message claimed: the
 * caller learns what it may send, not whom the registry knows.
 */
public class SenderCheck {

  private final PartnerDirectory partners;

  public SenderCheck(PartnerDirectory partners) {
    this.partners = partners;
  }

  /**
   * @param authenticatedPartner the partner named by the caller's token
   * @throws GatewayException {@link ErrorCode#PARTNER_NOT_ACTIVE} if that partner may not exchange
   *     now; {@link ErrorCode#SENDER_MISMATCH} if the message's source is another partner
   */
  public void check(IncomingMessage message, String authenticatedPartner) {
    if (!partners.isActive(authenticatedPartner)) {
      throw new GatewayException(
          ErrorCode.PARTNER_NOT_ACTIVE,
          "Partner '" + authenticatedPartner + "' is not an active partner of the partnership.");
    }
    if (!authenticatedPartner.equals(message.envelope().sourcePartnerId())) {
      throw new GatewayException(
          ErrorCode.SENDER_MISMATCH,
          "A partner may only send as itself: MessageHeader.source.endpoint must be"
              + " 'urn:caseway:partner:" + authenticatedPartner + "' for this token.");
    }
  }
}
