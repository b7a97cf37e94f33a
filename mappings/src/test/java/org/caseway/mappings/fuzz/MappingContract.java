package org.caseway.mappings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingException;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.MappingResult;
import org.caseway.mappings.RecordError;

/**
 * What a mapping promises for any input at all ({@link Mapper}'s contract), as the fuzz tests check
 * it: it returns outputs and record errors, or refuses the whole input with a
 * {@link MappingException} whose message names the input and says what is wrong. Any other
 * throwable (a parser's runtime exception, a NullPointerException, a StackOverflowError) is not
 * caught here and so is a finding; so is an input that takes longer than {@link #SLOW}.
 */
final class MappingContract {

  /** Inputs beyond this are not tried: the limits refuse large inputs before parsing them. */
  static final int MAX_INPUT_BYTES = 64 * 1024;

  /** Far above what any sample takes (milliseconds): an input this slow is a hang in the making. */
  static final Duration SLOW = Duration.ofSeconds(5);

  /** A refusal a partner's IT person reads in an error report, not a dump. */
  private static final int LONGEST_MESSAGE = 2_000;

  private MappingContract() {}

  /** Maps {@code input} and checks the outcome; returns the result, or null when the input was refused. */
  static MappingResult map(Mapper mapper, MappingInput input) {
    long started = System.nanoTime();
    MappingResult result = null;
    try {
      result = mapper.map(input);
    } catch (MappingException refused) {
      checkRefusal(input, refused);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).as("time to map %d bytes", input.content().length).isLessThan(SLOW);
    if (result != null) {
      checkResult(input, result);
    }
    return result;
  }

  private static void checkRefusal(MappingInput input, MappingException refused) {
    assertThat(refused.code()).as("the refusal's code").isNotNull();
    assertThat(refused.getMessage()).as("the refusal's message").isNotBlank()
        .contains(input.name()).hasSizeLessThan(LONGEST_MESSAGE).doesNotContain("\tat ");
  }

  private static void checkResult(MappingInput input, MappingResult result) {
    for (RecordError error : result.errors()) {
      assertThat(error.source()).as("a record error's source").isEqualTo(input.name());
      assertThat(error.line()).as("a record error's line").isNotNegative();
      assertThat(error.location()).as("a record error's location").isNotNull();
      assertThat(error.reason()).as("a record error's reason").isNotBlank().hasSizeLessThan(LONGEST_MESSAGE);
      assertThat(error.value()).as("a record error's value is shortened").hasSizeLessThanOrEqualTo(43);
    }
    for (MappingOutput output : result.outputs()) {
      assertThat(output.content()).as("an output").isNotBlank();
      assertThat(output.key()).as("an output's key").isNotNull();
    }
  }
}
