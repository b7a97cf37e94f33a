package org.caseway.adapters.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoapAnswerTest {

  @Test
  void aResponseGivesItsStatus() {
    SoapAnswer answer = SoapAnswer.read(SoapCallSenderIT.response("ACCEPTED")).orElseThrow();

    assertThat(answer.isFault()).isFalse();
    assertThat(answer.status()).contains("ACCEPTED");
  }

  @Test
  void aFaultGivesItsLocalCodeStringAndDetailCode() {
    SoapAnswer answer = SoapAnswer.read(SoapCallSenderIT.fault("soapenv:Client", " No such tenancy ",
        "<detail><ten:Code> UNKNOWN_TENANCY </ten:Code><ten:Other>x</ten:Other></detail>")).orElseThrow();

    assertThat(answer.isFault()).isTrue();
    assertThat(answer.faultCode()).contains("Client");
    assertThat(answer.faultString()).isEqualTo("No such tenancy");
    assertThat(answer.detailCode()).contains("UNKNOWN_TENANCY");
    assertThat(answer.status()).isEmpty();
  }

  @Test
  void aFaultWithoutDetailOrPrefixIsReadToo() {
    SoapAnswer answer = SoapAnswer.read(SoapCallSenderIT.fault("Server", "busy", "")).orElseThrow();

    assertThat(answer.faultCode()).contains("Server");
    assertThat(answer.detailCode()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "not xml", "<html><body>502 Bad Gateway</body></html>",
      "<Envelope><Body/></Envelope>", "<soapenv:Envelope xmlns:soapenv=\"http://www.w3.org/2003/05/soap-envelope\"/>"})
  void anythingButASoap11EnvelopeIsNoAnswer(String body) {
    assertThat(SoapAnswer.read(body)).isEmpty();
  }

  @Test
  void aNullBodyIsNoAnswer() {
    assertThat(SoapAnswer.read(null)).isEmpty();
  }

  @Test
  void aDocumentWithADoctypeIsRefusedEvenWithOnlyInternalEntities() {
    String laughs = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"ACCEPTED\">]>"
        + SoapCallSenderIT.envelope("<ten:RaiseAlertResponse><ten:Status>&a;</ten:Status></ten:RaiseAlertResponse>");

    assertThat(SoapAnswer.read(laughs)).isEmpty();
  }
}
