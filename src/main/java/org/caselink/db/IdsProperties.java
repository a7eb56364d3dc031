package org.caselink.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployment's ids key.
 *
 * @param key the secret behind uids and global ids (at least 32 characters); empty: one is made
 *     on the first start and kept in the database. Backups and restores need it with the data
 */
@ConfigurationProperties("caselink.ids")
public record IdsProperties(@DefaultValue("") String key) {}
