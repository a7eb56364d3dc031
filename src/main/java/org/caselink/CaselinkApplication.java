package org.caselink;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The service's configuration. The jar starts at {@code cli.Main}: a command, or this service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaselinkApplication {}
