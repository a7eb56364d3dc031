package org.caselink;

import java.util.ArrayList;
import java.util.List;

/** The start of a command line for a child JVM on the tests' own classpath: for what a test must kill. */
public final class ChildJvm {

    private ChildJvm() {}

    /** This JVM's java, the options Neo4j needs, {@code options}, and the classpath: the main class and its arguments follow. */
    public static List<String> java(String... options) {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"));
        cmd.addAll(List.of(options));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        return cmd;
    }
}
