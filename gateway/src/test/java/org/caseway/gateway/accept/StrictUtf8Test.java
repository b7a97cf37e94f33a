package org.caseway.gateway.accept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

  @Test
  void decodesUnicodeNames() {
    assertThat(StrictUtf8.decode("Zoë Łukasz".getBytes(StandardCharsets.UTF_8))).isEqualTo("Zoë Łukasz");
  }

  @Test
  void refusesWindows1252BytesNamingTheOffset() {
    byte[] latin = "{\"name\":\"Zo\u00eb\"}".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> StrictUtf8.decode(latin))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_UNREADABLE))
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("offset 11");
  }

  @Test
  void refusesAnOverlongEncoding() {
    byte[] overlongSlash = {'{', (byte) 0xC0, (byte) 0xAF, '}'};

    assertThatThrownBy(() -> StrictUtf8.decode(overlongSlash)).isInstanceOf(GatewayException.class);
  }
}
