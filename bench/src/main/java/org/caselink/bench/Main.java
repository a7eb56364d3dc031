package org.caselink.bench;

/** The benchmark jar's entry point: {@code generate}, {@code score} or {@code benchmark ...}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(BenchCli.run(args));
    }
}
