package org.caseway.conformance.kit;

/**
 * Told what a suite run is doing, for a progress display. Called on the thread running the suite,
 * one test at a time; implementations must not throw.
 */
public interface KitListener {

  /** Does nothing. */
  KitListener NONE = new KitListener() {};

  /**
   * A test is about to run.
   *
   * @param index its position, from 1
   * @param total how many tests the suite holds (for the sender suite, once its inputs are read)
   * @param testId {@code script/name}
   */
  default void testStarted(int index, int total, String testId) {}

  /** A test has run (or been skipped). */
  default void testFinished(int index, int total, TestResult result) {}
}
