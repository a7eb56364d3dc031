package org.caselink.analysis;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The background check of the watches, every caselink.analysis.watches.check-every (one minute by
 * default): it catches records written by mutations, which raise no import event, and retries a
 * watch whose last check failed. caselink.analysis.watches.background=false turns it off (the
 * tests do, and check explicitly); the checks after imports stay.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "caselink.analysis.watches.background", havingValue = "true", matchIfMissing = true)
class WatchSchedule {

    private final Watchlist watchlist;

    WatchSchedule(Watchlist watchlist) {
        this.watchlist = watchlist;
    }

    @Scheduled(
            initialDelayString = "${caselink.analysis.watches.check-every:1m}",
            fixedDelayString = "${caselink.analysis.watches.check-every:1m}")
    void checkRegularly() {
        watchlist.check();
    }
}
