package org.caseway.gateway.accept;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;

/**
 * Decodes a message body as UTF-8, refusing invalid bytes instead of replacing them: a silently
 * replaced byte would change a name or an identifier on its way to every recipient.
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  /**
   * @throws GatewayException {@link ErrorCode#MESSAGE_UNREADABLE}, naming the offset of the first
   *     bad byte
   */
  public static String decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      throw new GatewayException(
          ErrorCode.MESSAGE_UNREADABLE,
          "The body is not valid UTF-8 (the first bad byte is at offset " + in.position()
              + "): FHIR JSON must be sent in UTF-8; check the sender's encoding settings.");
    }
  }
}
