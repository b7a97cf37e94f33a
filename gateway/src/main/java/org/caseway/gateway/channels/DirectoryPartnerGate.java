package org.caseway.gateway.channels;

import org.caseway.adapters.intake.PartnerGate;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;

/** Asks the partner directory (statuses recorded at run time) on every call: changes apply at once. */
public class DirectoryPartnerGate implements PartnerGate {

  private final PartnerDirectory partners;

  public DirectoryPartnerGate(PartnerDirectory partners) {
    this.partners = partners;
  }

  @Override
  public boolean mayExchange(String partnerId) {
    return partners.find(partnerId).map(Partner::isActive).orElse(false);
  }
}
