package org.caseway.gateway.accept;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what the accept path takes in.
 *
 * @param maxMessageSize the largest message body accepted. Default {@code 1MB}. Larger bodies are
 *     refused with 413 before parsing, so one oversized request cannot exhaust memory or the
 *     validator.
 */
@ConfigurationProperties("caseway.accept")
public record AcceptProperties(@DefaultValue("1MB") DataSize maxMessageSize) {}
