package org.caseway.mappings;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs (RFC 4122 version 5, SHA-1) in Caseway's own namespace: the same source
 * reference always gives the same id, so a row mapped twice (after a crash, say) makes the same
 * Bundle.id and the gateway takes it once. Mappings call it as {@code $uuid(name)} (JSONata) or
 * {@code cw:uuid(name)} (XSLT). Thread-safe.
 */
public final class NameBasedIds {

  /** Caseway's namespace: the version 5 UUID of the URL {@code https://caseway.example/id} in the RFC's URL namespace. */
  public static final UUID CASEWAY_NAMESPACE =
      uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://caseway.example/id");

  private NameBasedIds() {}

  /** The id for {@code name} (for example {@code northshire-police/subject/N0048213}). */
  public static String of(String name) {
    return uuid5(CASEWAY_NAMESPACE, name).toString();
  }

  static UUID uuid5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-1", e);
    }
    sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
        .putLong(namespace.getLeastSignificantBits()).array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
