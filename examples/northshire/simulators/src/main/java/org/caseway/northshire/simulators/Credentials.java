package org.caseway.northshire.simulators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Compares a presented secret with the expected one in constant time, as a real service would. */
final class Credentials {

  private Credentials() {}

  /** True when {@code presented} equals {@code expected}; false if {@code presented} is null. */
  static boolean matches(String presented, String expected) {
    return presented != null && MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
