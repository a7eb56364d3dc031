package org.caselink.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The retention purge, ten minutes after start and then every caselink.audit.purge-every (one day
 * by default). Every replica runs it; the audit head's lock puts them in line, and one that comes
 * second finds nothing to remove (it still records that it ran). caselink.audit.background=false
 * turns it off (the tests do, and purge explicitly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "caselink.audit.background", havingValue = "true", matchIfMissing = true)
class AuditSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

    private final AuditLog audit;

    AuditSchedule(AuditLog audit) {
        this.audit = audit;
    }

    @Scheduled(initialDelayString = "10m", fixedDelayString = "${caselink.audit.purge-every:1d}")
    void purgeRegularly() {
        try {
            var event = audit.purgeExpired();
            log.info("Audit retention purge: {}", event.details());
        } catch (RuntimeException e) {
            log.error("Audit retention purge failed; it runs again in caselink.audit.purge-every", e);
        }
    }
}
