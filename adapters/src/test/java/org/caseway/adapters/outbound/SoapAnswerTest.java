package org.caseway.adapters.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @Test
  void anExternalEntityIsNeitherReadNorFetched(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "ACCEPTED-the-secret-content");
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      fetches.incrementAndGet();
      exchange.sendResponseHeaders(200, 0);
      exchange.close();
    });
    server.start();
    try {
      String remote = "http://127.0.0.1:" + server.getAddress().getPort();
      String status = "<ten:RaiseAlertResponse><ten:Status>&xxe;</ten:Status></ten:RaiseAlertResponse>";
      for (String doctype : new String[] {
          "<!DOCTYPE e [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
          "<!DOCTYPE e [<!ENTITY xxe SYSTEM \"" + remote + "/entity\">]>",
          "<!DOCTYPE e [<!ENTITY % p SYSTEM \"" + remote + "/parameter.dtd\"> %p;]>",
          "<!DOCTYPE e SYSTEM \"" + remote + "/external.dtd\">"}) {
        String answer = "<?xml version=\"1.0\"?>" + doctype + SoapCallSenderIT.envelope(status);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(SoapAnswer.read(answer)).isEmpty());
      }
      assertThat(fetches).as("nothing fetched").hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aBillionLaughsIsRefusedAtOnce() {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE e [<!ENTITY a0 \"ha\">");
    for (int i = 1; i <= 10; i++) {
      doctype.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String laughs = "<?xml version=\"1.0\"?>" + doctype + "]>" + SoapCallSenderIT.envelope(
        "<ten:RaiseAlertResponse><ten:Status>&a10;</ten:Status></ten:RaiseAlertResponse>");

    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(SoapAnswer.read(laughs)).isEmpty());
  }

  @Test
  void aMalformedAnswerPrintsNothing() {
    // The JDK parser's default error handler prints "[Fatal Error] ..." to stderr, outside the logs.
    PrintStream original = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThat(SoapAnswer.read("<soapenv:Envelope><Whitfield>")).isEmpty();
      assertThat(SoapAnswer.read("<?xml version=\"1.0\"?><!DOCTYPE e []><e/>")).isEmpty();
    } finally {
      System.setErr(original);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
