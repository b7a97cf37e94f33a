package org.caseway.northshire.simulators;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The housing service's answer, read as a SOAP 1.1 client reads it: the RaiseAlertResponse status,
 * or the Fault's faultcode, faultstring and detail code (null where absent).
 */
record SoapAnswer(int httpStatus, String status, String faultCode, String faultString, String detailCode) {

  private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String TEN = "urn:northshirehomes:tenancy:v1";

  static SoapAnswer of(HttpResponse<String> response) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document document = factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
      Element body = only(document.getDocumentElement(), SOAP, "Body");
      Element fault = only(body, SOAP, "Fault");
      if (fault == null) {
        return new SoapAnswer(response.statusCode(), text(only(only(body, TEN, "RaiseAlertResponse"), TEN, "Status")),
            null, null, null);
      }
      Element detail = only(fault, null, "detail");
      return new SoapAnswer(response.statusCode(), null, text(only(fault, null, "faultcode")),
          text(only(fault, null, "faultstring")), detail == null ? null : text(only(detail, TEN, "Code")));
    } catch (Exception e) {
      throw new AssertionError("Not a SOAP 1.1 envelope (HTTP " + response.statusCode() + "): " + response.body(), e);
    }
  }

  /** The one child element with this namespace (null: none) and local name, or null if there is none. */
  private static Element only(Element parent, String namespace, String localName) {
    if (parent == null) {
      return null;
    }
    Element found = null;
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element element && localName.equals(element.getLocalName())
          && Objects.equals(namespace, element.getNamespaceURI())) {
        if (found != null) {
          throw new AssertionError("Two " + localName + " elements");
        }
        found = element;
      }
    }
    return found;
  }

  private static String text(Element element) {
    return element == null ? null : element.getTextContent();
  }
}
