package org.caseway.gateway.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded default keeps its state.
 *
 * @param dataDir root folder of the embedded runtime: the Kafka broker's log ({@code kafka/}) and the
 *     H2 database ({@code db/}). Default {@code ./data}, relative to the working directory. Whoever can
 *     read it can read every accepted message, so it must be readable by the gateway's user only.
 *     Deleting it resets the embedded gateway: the journal and the record of accepted messages are
 *     gone. Production (external Kafka, PostgreSQL) does not use it. Environment variable:
 *     {@code CASEWAY_DATA_DIR}.
 */
@ConfigurationProperties("caseway")
public record DataDirectoryProperties(@DefaultValue("./data") Path dataDir) {}
