package org.caselink.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** What every benchmark report shares: the machine it ran on, and writing it as Markdown and JSON. */
final class Reports {

    private Reports() {}

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        long bytes = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : -1;
        m.put("memoryGiB", Math.round(bytes / (1024.0 * 1024 * 1024)));
        m.put(
                "jvm",
                System.getProperty("java.vm.name") + " " + Runtime.version() + ", max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }

    /** Writes the report for people ({@code markdown}) and machines ({@code json}), and prints the first. */
    static void publish(String md, Map<String, Object> out, Path markdown, Path json) throws IOException {
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, md);
        Files.writeString(
                json,
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        System.out.print(md);
        System.out.println("Report: " + markdown + " and " + json);
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
