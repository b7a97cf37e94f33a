package org.caseway.gateway.partner;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partners of the file, with the status the data sharing manager last set in the database.
 *
 * <p>Thread-safe. Every call reads the status table, so a change made through any gateway instance
 * takes effect on the next message, on every channel, in and out. The file gives who the partners
 * are; the table, once it has a row for a partner, gives its status (the file's status only seeds
 * it).
 */
public class RecordedPartnerDirectory implements PartnerDirectory {

  private static final Logger log = LoggerFactory.getLogger(RecordedPartnerDirectory.class);

  private final PartnerRegistry file;
  private final PartnerStatusStore store;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public RecordedPartnerDirectory(
      PartnerRegistry file, PartnerStatusStore store, TransactionTemplate transaction, Clock clock) {
    this.file = file;
    this.store = store;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public Optional<Partner> find(String partnerId) {
    return file.find(partnerId).map(this::withRecordedStatus);
  }

  @Override
  public Collection<Partner> all() {
    return file.all().stream().map(this::withRecordedStatus).toList();
  }

  /** Every recorded change of the partner's status, oldest first. */
  public List<PartnerStatusChange> history(String partnerId) {
    requireKnown(partnerId);
    return store.history(partnerId);
  }

  /**
   * Changes the partner's status and records who, when and why, in one transaction.
   *
   * @param changedBy who asks: the token's subject and partner claim
   * @param reason why; required
   * @throws GatewayException {@link ErrorCode#NOT_FOUND} for an unknown partner, {@link
   *     ErrorCode#ADMIN_REQUEST_INVALID} without a reason, {@link
   *     ErrorCode#STATUS_CHANGE_NOT_ALLOWED} if the action does not apply to the current status
   */
  public PartnerStatusChange change(
      String partnerId, StatusAction action, String changedBy, String reason) {
    requireKnown(partnerId);
    requireReason(reason);
    PartnerStatusChange change =
        transaction.execute(status -> changeLocked(partnerId, action, changedBy, reason.strip()));
    log.info(
        "Partner {} status changed {} -> {} by {}", partnerId, change.from(), change.to(), changedBy);
    return change;
  }

  private PartnerStatusChange changeLocked(
      String partnerId, StatusAction action, String changedBy, String reason) {
    store.seed(partnerId, file.find(partnerId).orElseThrow().status(), now());
    PartnerStatus current = store.statusForUpdate(partnerId).orElseThrow();
    if (!action.allowedFrom(current)) {
      throw new GatewayException(
          ErrorCode.STATUS_CHANGE_NOT_ALLOWED,
          "Partner '" + partnerId + "' is " + current.name().toLowerCase()
              + "; " + action.name().toLowerCase() + " does not apply to that status"
              + (current == PartnerStatus.WITHDRAWN
                  ? " (withdrawal is final: onboard the agency again under a new partner id)."
                  : "."));
    }
    PartnerStatusChange change =
        new PartnerStatusChange(partnerId, current, action.target(), changedBy, now(), reason);
    store.apply(change);
    return change;
  }

  private Partner withRecordedStatus(Partner partner) {
    return store.status(partner.id()).map(partner::withStatus).orElse(partner);
  }

  private void requireKnown(String partnerId) {
    if (file.find(partnerId).isEmpty()) {
      throw new GatewayException(
          ErrorCode.NOT_FOUND,
          "No partner '" + partnerId + "' in the partners file; GET /admin/partners lists them.");
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new GatewayException(
          ErrorCode.ADMIN_REQUEST_INVALID,
          "Say why: send a JSON body {\"reason\": \"...\"}; the reason is kept with the change.");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
