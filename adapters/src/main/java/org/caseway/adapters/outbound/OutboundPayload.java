package org.caseway.adapters.outbound;

/**
 * One request an outbound channel sends: a disclosure in the recipient's format. A disclosure may
 * make several (the council takes one notification per person).
 *
 * @param content the body
 * @param mediaType its media type
 * @param key what it is about in the recipient's terms (for logs; never personal data)
 */
public record OutboundPayload(String content, String mediaType, String key) {}
