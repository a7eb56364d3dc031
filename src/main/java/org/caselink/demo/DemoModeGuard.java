package org.caselink.demo;

import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.db.Migrations;
import org.caselink.security.SecurityConfiguration;
import org.caselink.write.Rows.AdRow;
import org.caselink.write.Rows.CaseRow;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo mode signs in with published passwords. {@code caselink.security.mode=auto} chooses it for
 * an embedded database only while that database is empty or holds the demo data and nothing else:
 * once it holds any case or ad the demo did not write, the service refuses to start until demo
 * mode is chosen explicitly ({@code caselink.security.mode=demo}, CASELINK_SECURITY_MODE) or jwt
 * mode is configured. Checked before the web server opens.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DemoModeGuard implements SmartInitializingSingleton {

    private static final String FOREIGN = CypherFiles.query("demo/foreign");

    private final Graph graph;
    private final Environment env;

    /** Takes {@link Migrations} only to run after it. */
    DemoModeGuard(Graph graph, Environment env, Migrations migrations) {
        this.graph = graph;
        this.env = env;
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean chosenByAuto =
                org.caselink.security.SecurityProperties.of(env).mode().strip().equalsIgnoreCase("auto");
        if (chosenByAuto && SecurityConfiguration.mode(env).equals("demo")) {
            check(graph);
        }
    }

    /** Throws, naming what it found, when the graph holds a case or an ad that is not the demo's. */
    static void check(Graph graph) {
        DemoData.Batch demo = DemoData.generate(DemoDataLoader.SEED);
        List<String> cases = demo.cases().stream().map(CaseRow::caseNumber).toList();
        List<String> ads = demo.ads().stream().map(AdRow::adId).toList();
        Map<String, Long> foreign = graph.read(
                        FOREIGN,
                        Map.of("cases", cases, "ads", ads),
                        r -> Map.of(
                                "cases",
                                r.get("cases").asLong(),
                                "ads",
                                r.get("ads").asLong()))
                .getFirst();
        if (foreign.get("cases") > 0 || foreign.get("ads") > 0) {
            throw new IllegalStateException("The embedded database holds " + foreign.get("cases") + " cases and "
                    + foreign.get("ads") + " ads that are not the demo data, and caselink.security.mode is auto."
                    + " Demo mode signs in with published passwords, so over such data it must be chosen"
                    + " explicitly: set CASELINK_SECURITY_MODE=demo (on this machine only), or configure jwt mode."
                    + " See docs/security.md, \"Signing in\".");
        }
    }
}
