package org.caselink;

import org.caselink.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CaselinkApplication {

    /** Starts the service, or runs a command ({@code import}, {@code generate}, {@code score}) and exits. */
    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(CaselinkApplication.class, args);
    }
}
