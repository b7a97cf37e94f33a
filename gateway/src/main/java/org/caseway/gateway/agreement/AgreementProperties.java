package org.caseway.gateway.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the agreement documents are.
 *
 * @param location a Spring resource pattern matching every agreement document (one YAML file per
 *     agreement version); default {@code classpath:caseway/northshire/agreements/*.yaml}, the
 *     reference partnership. Read at start and on {@code POST /admin/agreements/$reload}; a file
 *     matched here is an agreement the gateway enforces, so point it only at reviewed documents.
 */
@ConfigurationProperties("caseway.agreements")
public record AgreementProperties(
    @DefaultValue("classpath:caseway/northshire/agreements/*.yaml") String location) {}
