package org.caselink.backup;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups of the embedded database.
 *
 * @param dir where the admin endpoint and the backup command write backups
 * @param maxPause the longest writes may be paused for one backup; beyond it the copy gives up
 *     and writes resume
 */
@ConfigurationProperties("caselink.backup")
public record BackupProperties(
        @DefaultValue("./backups") Path dir,
        @DefaultValue("30s") Duration maxPause) {}
