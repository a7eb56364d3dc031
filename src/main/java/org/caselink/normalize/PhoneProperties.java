package org.caselink.normalize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Phone numbers.
 *
 * @param defaultRegion region (ISO 3166 code) for phone numbers written without a country code
 */
@ConfigurationProperties("caselink.phone")
public record PhoneProperties(@DefaultValue("US") String defaultRegion) {}
