package org.caselink.cli;

import org.caselink.CaselinkApplication;
import org.springframework.boot.SpringApplication;

/**
 * The jar's entry point: a command ({@code import}, {@code generate}, {@code backup} ...) when the
 * first argument names one, else the service. Kept apart from {@link CaselinkApplication}, the
 * service's configuration, so that the service depends on no command (the commands depend on it).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(CaselinkApplication.class, args);
    }
}
