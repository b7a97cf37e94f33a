package org.caseway.adapters;

/** A channel in the partners file that cannot run as written; the message says what to fix. */
public class ChannelConfigurationException extends RuntimeException {

  public ChannelConfigurationException(String message) {
    super(message);
  }
}
