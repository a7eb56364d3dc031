package org.caselink.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The synthetic demo data.
 *
 * @param enabled load the demo set when the database holds no case and no ad: true, false, or
 *     auto (in demo mode only)
 */
@ConfigurationProperties("caselink.demo")
public record DemoProperties(@DefaultValue("auto") String enabled) {}
