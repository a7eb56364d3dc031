package org.caselink.cli;

import java.util.ArrayList;
import java.util.List;
import org.caselink.CaselinkApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as a command sees it: without demo data, quiet, and refused with a message the
 * user can act on when the embedded database is held by a running service. The service's commands
 * and the bench module's (generate, score, benchmark) start it through here.
 */
public final class Contexts {

    private Contexts() {}

    /** The application without its web server and without demo data: the commands' view of the database. */
    public static ConfigurableApplicationContext context(String... extra) {
        return context(WebApplicationType.NONE, List.of(), extra);
    }

    /** As {@link #context(String...)}, with {@code beans} (a statement listener, say) registered in it. */
    public static ConfigurableApplicationContext context(List<?> beans, String... extra) {
        return context(WebApplicationType.NONE, beans, extra);
    }

    /**
     * The whole service, web server included, on a free port of 127.0.0.1 (no demo data): what the
     * HTTP and load benchmarks send their requests to. The port is in {@code local.server.port}.
     */
    public static ConfigurableApplicationContext service(String... extra) {
        return service(List.of(), extra);
    }

    /** As {@link #service(String...)}, with {@code beans} (a statement listener, say) registered in it. */
    public static ConfigurableApplicationContext service(List<?> beans, String... extra) {
        // Demo mode by choice: the benchmark signs in with the demo accounts over its generated data.
        List<String> props =
                new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1", "caselink.security.mode=demo"));
        props.addAll(List.of(extra));
        return context(WebApplicationType.SERVLET, beans, props.toArray(String[]::new));
    }

    /**
     * The settings as command-line arguments, one per name, the last given winning: a name given
     * twice as an argument would be read as both values joined by a comma (so a caller's
     * {@code caselink.demo.enabled=true} after the default {@code false} would read "false,true").
     */
    static String[] arguments(List<String> props) {
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String p : props) {
            int eq = p.indexOf('=');
            byName.put(eq < 0 ? p : p.substring(0, eq), p);
        }
        return byName.values().stream().map(p -> "--" + p).toArray(String[]::new);
    }

    private static ConfigurableApplicationContext context(WebApplicationType web, List<?> beans, String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "caselink.demo.enabled=false",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN",
                "logging.level.org.caselink=WARN",
                "logging.level.org.apache.lucene=ERROR",
                // A failed start is rethrown below and printed once, as a refusal or with its stack;
                // Spring's own report of it would come first and bury the message.
                "logging.level.org.springframework.boot.SpringApplication=OFF",
                "logging.level.org.springframework.boot.diagnostics=OFF",
                "logging.level.org.springframework.context=ERROR",
                "logging.level.org.springframework.boot.web=ERROR"));
        props.addAll(List.of(extra));
        try {
            // As arguments, not default properties: they must win over application.yml and the environment.
            return new SpringApplicationBuilder(CaselinkApplication.class)
                    .web(web)
                    .logStartupInfo(false)
                    .initializers(ctx -> beans.forEach(b -> ctx.getBeanFactory()
                            .registerSingleton(b.getClass().getName() + "#" + System.identityHashCode(b), b)))
                    .run(arguments(props));
        } catch (RuntimeException e) {
            if (String.valueOf(stackText(e)).contains("Unable to obtain lock")) {
                throw new Refused("""
                        The embedded database in this folder is in use, most likely by a running caselink service.
                        Ask that service instead:
                          curl -u USER -H 'X-Caselink-Client: curl' -F files=@FILE http://localhost:8080/api/import
                          curl -u ADMIN -H 'X-Caselink-Client: curl' -X POST http://localhost:8080/api/admin/backup
                        or stop the service first, or point NEO4J_URI at a database server.""");
            }
            throw e;
        }
    }

    /** A command refused for a reason the user can act on; printed as its message alone. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static String stackText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }
}
