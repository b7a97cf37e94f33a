package org.caseway.northshire.simulators;

/** The housing service's SOAP 1.1 answers: a RaiseAlertResponse, or a Fault. */
final class SoapMessages {

  static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String TENANCY_NS = "urn:northshirehomes:tenancy:v1";
  static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  private SoapMessages() {}

  /** {@code <ten:RaiseAlertResponse><ten:Status>status</ten:Status></ten:RaiseAlertResponse>}. */
  static String raiseAlertResponse(String status) {
    return envelope("<ten:RaiseAlertResponse><ten:Status>" + escape(status)
        + "</ten:Status></ten:RaiseAlertResponse>");
  }

  /** A SOAP 1.1 Fault: faultcode, faultstring and, if the fault has one, detail with its ten:Code. */
  static String fault(SoapFault fault) {
    String detail = fault.detailCode() == null ? ""
        : "<detail><ten:Code>" + escape(fault.detailCode()) + "</ten:Code></detail>";
    return envelope("<soapenv:Fault><faultcode>" + fault.faultCode() + "</faultcode><faultstring>"
        + escape(fault.getMessage()) + "</faultstring>" + detail + "</soapenv:Fault>");
  }

  private static String envelope(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\"" + ENVELOPE_NS + "\" xmlns:ten=\"" + TENANCY_NS + "\">"
        + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&apos;");
  }
}
