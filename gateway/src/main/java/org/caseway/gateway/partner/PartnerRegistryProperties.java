package org.caseway.gateway.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the partner registry comes from.
 *
 * @param file location of the partners file (Spring resource syntax: {@code classpath:} or {@code
 *     file:}). Default {@code classpath:caseway/northshire/partners.yaml}, the Northshire
 *     partnership. Only partners listed as {@code active} may send; a partner missing from the file
 *     is refused even with a valid token.
 */
@ConfigurationProperties("caseway.partners")
public record PartnerRegistryProperties(
    @DefaultValue("classpath:caseway/northshire/partners.yaml") String file) {}
