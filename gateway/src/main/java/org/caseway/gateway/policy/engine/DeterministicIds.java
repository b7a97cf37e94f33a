package org.caseway.gateway.policy.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (version 5, SHA-1) UUIDs, so that a view has the same ids however often the same
 * message is decided for the same recipient and agreement version: a redelivery is recognisable.
 */
final class DeterministicIds {

  /** The namespace of Caseway's disclosure ids (a fixed, random UUID). */
  private static final UUID NAMESPACE = UUID.fromString("6f1c2b1e-8a53-4e0b-9d43-3c1f0f6a9b27");

  private DeterministicIds() {}

  static String of(String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      ByteBuffer namespace = ByteBuffer.allocate(16);
      namespace.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
      sha1.update(namespace.array());
      byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
      return new UUID(bytes.getLong(), bytes.getLong()).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from the JVM", e);
    }
  }
}
