package org.caseway.mappings.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.caseway.mappings.MappingDefinition;
import org.caseway.mappings.MappingErrorCode;
import org.caseway.mappings.MappingException;
import org.caseway.mappings.MappingInput;

/** The {@code encoding} parameter (default UTF-8) and strict decoding by it. */
final class Encodings {

  private Encodings() {}

  static Charset charset(MappingDefinition definition, MappingInput input) {
    String name = Variables.parameters(definition, input).getOrDefault("encoding", "UTF-8");
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new MappingException(MappingErrorCode.PARAMETER_INVALID, "The encoding '" + name
          + "' is unknown; use UTF-8 or windows-1252.", e);
    }
  }

  static String decode(MappingDefinition definition, MappingInput input) {
    Charset charset = charset(definition, input);
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(input.content())).toString();
    } catch (CharacterCodingException e) {
      throw new MappingException(MappingErrorCode.INPUT_UNREADABLE, input.name() + " is not valid "
          + charset.name() + "; set the encoding parameter to the partner's encoding.", e);
    }
  }
}
