package org.caseway.northshire.simulators;

import static org.caseway.northshire.simulators.SoapMessages.ENVELOPE_NS;
import static org.caseway.northshire.simulators.SoapMessages.TENANCY_NS;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.caseway.northshire.simulators.HousingSimulator.Alert;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a RaiseAlert request (housing-soap.md) from a SOAP 1.1 envelope and checks every field.
 * Elements the document does not name are ignored, as an XML service reading by name does.
 * Fault strings name the fields and the rules, never the values. Stateless and thread-safe.
 */
final class RaiseAlertReader {

  static final List<String> ALERT_TYPES = List.of("ASB_INCIDENT", "RISK_TO_STAFF", "CASE_OPENED", "CASE_CLOSED");
  static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH");

  private static final String SOAP_12_NS = "http://www.w3.org/2003/05/soap-envelope";
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern TENANCY_REF = Pattern.compile("T\\d{6}");

  /**
   * @throws SoapFault a Client fault ({@value SoapFault#INVALID_REQUEST}) saying what is wrong, or
   *     a VersionMismatch fault for a SOAP 1.2 envelope
   */
  Alert read(byte[] request) throws SoapFault {
    Element raiseAlert = raiseAlert(SoapXml.parse(request));
    List<String> problems = new ArrayList<>();
    Fields alert = new Fields(raiseAlert, "", problems);
    String alertId = alert.text("AlertId", UUID.asMatchPredicate(), "must be a UUID");
    String tenancyRef = alert.text("TenancyRef", TENANCY_REF.asMatchPredicate(), "must be T and 6 digits");
    Fields tenant = alert.child("Tenant");
    String surname = tenant.text("Surname", any(), "");
    String forename = tenant.text("Forename", any(), "");
    String dateOfBirth = tenant.text("DateOfBirth", RaiseAlertReader::isDate, "must be a date, yyyy-MM-dd");
    String alertType = alert.text("AlertType", ALERT_TYPES::contains, "must be one of " + String.join(", ", ALERT_TYPES));
    String raisedBy = alert.text("RaisedBy", any(), "");
    String raisedOn = alert.text("RaisedOn", RaiseAlertReader::isDateTime, "must be a date-time with its offset, e.g. 2026-11-03T09:15:00Z");
    String summary = alert.text("Summary", any(), "");
    String severity = alert.text("Severity", SEVERITIES::contains, "must be one of " + String.join(", ", SEVERITIES));
    if (!problems.isEmpty()) {
      throw SoapFault.client(SoapFault.INVALID_REQUEST, "RaiseAlert is invalid: " + String.join("; ", problems));
    }
    return new Alert(alertId, tenancyRef, surname, forename, dateOfBirth, alertType, raisedBy, raisedOn,
        summary, severity, new String(request, StandardCharsets.UTF_8));
  }

  private static Element raiseAlert(Document document) throws SoapFault {
    Element envelope = document.getDocumentElement();
    if ("Envelope".equals(envelope.getLocalName()) && SOAP_12_NS.equals(envelope.getNamespaceURI())) {
      throw SoapFault.versionMismatch("This service speaks SOAP 1.1 (" + ENVELOPE_NS + "), not SOAP 1.2");
    }
    if (!"Envelope".equals(envelope.getLocalName()) || !ENVELOPE_NS.equals(envelope.getNamespaceURI())) {
      throw invalid("The request is not a SOAP 1.1 envelope (soapenv:Envelope in " + ENVELOPE_NS + ")");
    }
    List<Element> bodies = SoapXml.children(envelope, ENVELOPE_NS, "Body");
    List<Element> content = bodies.size() == 1 ? SoapXml.childElements(bodies.get(0)) : List.of();
    if (content.size() != 1 || !TENANCY_NS.equals(content.get(0).getNamespaceURI())
        || !"RaiseAlert".equals(content.get(0).getLocalName())) {
      throw invalid("soapenv:Body must hold one ten:RaiseAlert (" + TENANCY_NS + "), the only operation");
    }
    return content.get(0);
  }

  private static SoapFault invalid(String message) {
    return SoapFault.client(SoapFault.INVALID_REQUEST, message);
  }

  private static Predicate<String> any() {
    return text -> true;
  }

  private static boolean isDate(String text) {
    try {
      return text.matches("\\d{4}-\\d{2}-\\d{2}") && LocalDate.parse(text) != null;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isDateTime(String text) {
    try {
      return OffsetDateTime.parse(text) != null;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The ten: child elements of one element, each read once, with problems collected by path. */
  private record Fields(Element element, String path, List<String> problems) {

    /** The trimmed text of the one child {@code name}; null (and a problem) if absent, empty or invalid. */
    String text(String name, Predicate<String> valid, String rule) {
      Element child = one(name);
      if (child == null) {
        return null;
      }
      String text = child.getTextContent().strip();
      if (text.isEmpty()) {
        problems.add(path + name + ": is empty");
        return null;
      }
      if (!valid.test(text)) {
        problems.add(path + name + ": " + rule);
        return null;
      }
      return text;
    }

    /** The one child {@code name}, as Fields; absent children read as absent fields. */
    Fields child(String name) {
      Element child = one(name);
      if (child == null) {
        // Its fields are not reported again: the missing parent says it.
        return new Fields(element.getOwnerDocument().createElementNS(TENANCY_NS, name), path + name + "/",
            new ArrayList<>());
      }
      return new Fields(child, path + name + "/", problems);
    }

    private Element one(String name) {
      List<Element> found = SoapXml.children(element, TENANCY_NS, name);
      if (found.size() != 1) {
        problems.add(path + name + (found.isEmpty() ? ": is required" : ": appears more than once"));
        return null;
      }
      return found.get(0);
    }
  }
}
