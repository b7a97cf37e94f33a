package org.caseway.gateway.admin;

/** The body of an admin action that must say why: {@code {"reason": "..."}}. */
public record ReasonBody(String reason) {}
