package org.caseway.gateway.error;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Every way the gateway refuses a request, with a stable code that partners may program against.
 *
 * <p>The code ({@link #name()}) appears in every OperationOutcome the gateway returns, as a coding
 * of {@link #SYSTEM}; the HTTP status and FHIR issue type go with it. Codes are never renamed or
 * reused: a new way to fail gets a new code.
 */
public enum ErrorCode {
  /** The body is not JSON, not FHIR, or not a Bundle. Nothing was written. */
  MESSAGE_UNREADABLE(400, IssueType.STRUCTURE),
  /** The body is larger than {@code caseway.accept.max-message-bytes}. Nothing was written. */
  MESSAGE_TOO_LARGE(413, IssueType.TOOCOSTLY),
  /** The message breaks a structural limit: too many entries, too deep, too long a string. */
  MESSAGE_TOO_COMPLEX(413, IssueType.TOOCOSTLY),
  /** The body's content type is not FHIR JSON. Nothing was written. */
  UNSUPPORTED_MEDIA_TYPE(415, IssueType.NOTSUPPORTED),
  /** The bundle breaks the implementation guide; the issues say where. Nothing was written. */
  MESSAGE_NONCONFORMANT(422, IssueType.INVALID),
  /** No bearer token, or one that is malformed, expired, for another audience or badly signed. */
  AUTHENTICATION_REQUIRED(401, IssueType.LOGIN),
  /** The message's source is not the partner the token was issued to. Nothing was written. */
  SENDER_MISMATCH(403, IssueType.FORBIDDEN),
  /** The token's partner is unknown to the registry or not active. Nothing was written. */
  PARTNER_NOT_ACTIVE(403, IssueType.FORBIDDEN),
  /** The token does not allow this call. */
  ACCESS_DENIED(403, IssueType.FORBIDDEN),
  /** The token's partner must also present its client certificate (mutual TLS), and did not. */
  CLIENT_CERTIFICATE_REQUIRED(403, IssueType.FORBIDDEN),
  /** The message id was already accepted from another partner. Nothing was written. */
  MESSAGE_ID_CONFLICT(409, IssueType.CONFLICT),
  /**
   * A message given to {@code $explain} that the policy engine cannot evaluate (no header, no
   * source, no event); the detail says what to fix.
   */
  MESSAGE_NOT_EVALUABLE(422, IssueType.INVALID),
  /** No such endpoint. */
  NOT_FOUND(404, IssueType.NOTFOUND),
  /** The endpoint exists but not with this HTTP method. */
  METHOD_NOT_ALLOWED(405, IssueType.NOTSUPPORTED),
  /** The journal did not acknowledge the write in time. Nothing was acknowledged; retry later. */
  JOURNAL_UNAVAILABLE(503, IssueType.TRANSIENT),
  /** The database could not take the message now (e.g. a lock wait ran out); retry later. */
  STORE_BUSY(503, IssueType.TRANSIENT),
  /** An admin request lacks something it needs (e.g. the reason for a status change). */
  ADMIN_REQUEST_INVALID(400, IssueType.INVALID),
  /** The partner's current status does not allow this change (e.g. reinstating a withdrawn one). */
  STATUS_CHANGE_NOT_ALLOWED(409, IssueType.CONFLICT),
  /** The identity review was already decided. */
  REVIEW_ALREADY_DECIDED(409, IssueType.CONFLICT),
  /** A fault in the gateway. Nothing was acknowledged; the log has the details. */
  INTERNAL_ERROR(500, IssueType.EXCEPTION);

  /** The code system of these codes in OperationOutcome.issue.details. */
  public static final String SYSTEM = "urn:caseway:gateway:error-code";

  private final int httpStatus;
  private final IssueType issueType;

  ErrorCode(int httpStatus, IssueType issueType) {
    this.httpStatus = httpStatus;
    this.issueType = issueType;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public IssueType issueType() {
    return issueType;
  }

  /** Whether the same request may succeed later (the partner should retry with backoff). */
  public boolean isTransient() {
    return issueType == IssueType.TRANSIENT;
  }
}
