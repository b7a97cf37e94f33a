package org.caseway.adapters.filedrop;

import java.util.List;
import org.caseway.mappings.RecordError;

/**
 * What became of one dropped file.
 *
 * @param accepted messages (or records) taken in
 * @param repeats messages that had been accepted before (a file taken again after a crash)
 * @param problems the rows refused, or the one reason the whole file was refused
 * @param wholeFileRefused true when nothing of the file could be read or taken
 */
public record FileOutcome(int accepted, int repeats, List<RecordError> problems, boolean wholeFileRefused) {

  /** The sub-folder the file is moved to: {@code done} when nothing was refused, else {@code error}. */
  public static final String DONE = "done";
  public static final String ERROR = "error";

  public FileOutcome {
    problems = List.copyOf(problems);
  }

  static FileOutcome refusedWhole(RecordError why) {
    return new FileOutcome(0, 0, List.of(why), true);
  }

  public String folder() {
    return problems.isEmpty() ? DONE : ERROR;
  }
}
