package org.caseway.gateway.agreement;

/**
 * Why a document was refused: where, what, and what to do about it.
 *
 * @param file the document's file name
 * @param path the YAML path, e.g. {@code rules[1].share[2]}; empty for the whole document
 * @param line the 1-based line, 0 when not known
 * @param problem what is wrong
 * @param fix what to change
 */
public record AgreementProblem(String file, String path, int line, String problem, String fix) {

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + (path.isEmpty() ? "" : " at " + path) + ": "
        + problem + " Fix: " + fix;
  }
}
