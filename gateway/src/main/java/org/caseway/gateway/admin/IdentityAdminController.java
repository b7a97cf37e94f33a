package org.caseway.gateway.admin;

import java.util.List;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityIndex;
import org.caseway.gateway.identity.IdentityLink;
import org.caseway.gateway.identity.IdentityReview;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The identity index for the data sharing manager: near matches to decide, and how links were made. */
@RestController
@RequestMapping("/admin/identity")
public class IdentityAdminController {

  private final IdentityIndex index;

  public IdentityAdminController(IdentityIndex index) {
    this.index = index;
  }

  @GetMapping("/reviews")
  public List<IdentityReview> reviews() {
    return index.pendingReviews();
  }

  @PostMapping("/reviews/{id}/$confirm")
  public IdentityReview confirm(@PathVariable long id, Authentication caller) {
    return index.confirm(id, AdminCaller.describe(caller));
  }

  @PostMapping("/reviews/{id}/$reject")
  public IdentityReview reject(@PathVariable long id, Authentication caller) {
    return index.reject(id, AdminCaller.describe(caller));
  }

  /** Every link of one identifier, active or ended, with how it was made. */
  @GetMapping("/links")
  public List<IdentityLink> links(@RequestParam String identifier) {
    try {
      return index.linksOf(AgencyIdentifier.parse(identifier));
    } catch (IllegalArgumentException e) {
      throw new GatewayException(ErrorCode.ADMIN_REQUEST_INVALID, e.getMessage());
    }
  }
}
