package org.caseway.northshire.simulators;

/**
 * A SOAP 1.1 fault the housing service answers with: {@code faultcode}, {@code faultstring} and,
 * for business errors, the service's {@code <ten:Code>} in {@code detail}.
 */
final class SoapFault extends Exception {

  /** The detail code for a request the service cannot read or that breaks its rules. */
  static final String INVALID_REQUEST = "INVALID_REQUEST";
  /** The detail code for an alert about a tenancy the association does not hold. */
  static final String UNKNOWN_TENANCY = "UNKNOWN_TENANCY";

  private final String faultCode;
  private final String detailCode;
  private final int httpStatus;

  private SoapFault(String faultCode, String faultString, String detailCode, int httpStatus) {
    super(faultString, null, false, false);
    this.faultCode = faultCode;
    this.detailCode = detailCode;
    this.httpStatus = httpStatus;
  }

  /** The sender's fault, not to be retried: HTTP 500, faultcode {@code soapenv:Client}. */
  static SoapFault client(String detailCode, String faultString) {
    return new SoapFault("soapenv:Client", faultString, detailCode, 500);
  }

  /** As {@link #client} but with another HTTP status (415 for a SOAP 1.2 or non-XML request). */
  static SoapFault client(String detailCode, String faultString, int httpStatus) {
    return new SoapFault("soapenv:Client", faultString, detailCode, httpStatus);
  }

  /** The service's own, transient fault: HTTP 500, faultcode {@code soapenv:Server}, no detail. */
  static SoapFault server(String faultString) {
    return new SoapFault("soapenv:Server", faultString, null, 500);
  }

  /** An envelope of another SOAP version: HTTP 500, faultcode {@code soapenv:VersionMismatch}. */
  static SoapFault versionMismatch(String faultString) {
    return new SoapFault("soapenv:VersionMismatch", faultString, null, 500);
  }

  String faultCode() {
    return faultCode;
  }

  /** The {@code <ten:Code>} of the detail, or null when the fault carries no detail. */
  String detailCode() {
    return detailCode;
  }

  int httpStatus() {
    return httpStatus;
  }
}
