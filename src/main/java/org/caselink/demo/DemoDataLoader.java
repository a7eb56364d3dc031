package org.caselink.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caselink.db.Graph;
import org.caselink.db.Migrations;
import org.caselink.ingest.ImportFinished;
import org.caselink.ingest.Importer;
import org.caselink.write.GraphWriter;
import org.caselink.write.Rows.AssociationRow;
import org.caselink.write.Rows.ContactRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads the synthetic demo data set when the service starts on an empty database, so that a
 * newcomer can explore at once. {@code caselink.demo.enabled} (CASELINK_DEMO_DATA): {@code auto}
 * (the default) loads it in demo mode only, never into a production (jwt mode) database, whose
 * demo sharing and assignments would name real users; {@code true} or {@code false} decide.
 * A database with any case or ad in it is never touched.
 */
@Component
class DemoDataLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final long SEED = 20_261_128L;

    private final Graph graph;
    private final GraphWriter writer;
    private final boolean enabled;
    private final ApplicationEventPublisher events;

    /** Takes {@link Migrations} only to run after it: the data needs the constraints. */
    DemoDataLoader(
            Graph graph,
            GraphWriter writer,
            Migrations migrations,
            DemoProperties settings,
            org.springframework.core.env.Environment env,
            ApplicationEventPublisher events) {
        this.events = events;
        this.graph = graph;
        this.writer = writer;
        String enabled = settings.enabled();
        this.enabled = enabled.strip().equalsIgnoreCase("auto")
                ? org.caselink.security.SecurityConfiguration.mode(env).equals("demo")
                : Boolean.parseBoolean(enabled.strip());
    }

    /** Runs when every bean is ready but before the web server opens: nobody sees a half-loaded demo. */
    @Override
    public void afterSingletonsInstantiated() {
        if (enabled) {
            loadIfEmpty();
        }
    }

    /** Loads the demo set in one transaction when the graph holds no case and no ad; returns whether it did. */
    private static final String DEMO_ACCESS = org.caselink.db.CypherFiles.query("security/demo-access");

    private static final String EMPTY = org.caselink.db.CypherFiles.query("demo/empty");

    boolean loadIfEmpty() {
        boolean empty =
                graph.read(EMPTY, Map.of(), r -> r.get("empty").asBoolean()).getFirst();
        if (!empty) {
            return false;
        }
        long start = System.nanoTime();
        DemoData.Batch b = DemoData.generate(SEED);
        Graph.Changes changes = graph.inWriteTransaction(tx -> {
            writer.cases(tx, b.cases());
            // The generator names children and people by external id; the graph keys them by uid.
            Map<String, String> uids = new HashMap<>();
            List<String> childUids = writer.children(tx, b.children());
            for (int i = 0; i < childUids.size(); i++) {
                uids.put(b.children().get(i).childId(), childUids.get(i));
            }
            List<String> personUids = writer.persons(tx, b.persons());
            for (int i = 0; i < personUids.size(); i++) {
                uids.put(b.persons().get(i).personId(), personUids.get(i));
            }
            writer.ads(tx, b.ads());
            writer.contacts(
                    tx,
                    b.contacts().stream()
                            .map(c -> uids.containsKey(c.ownerKey())
                                    ? new ContactRow(c.owner(), uids.get(c.ownerKey()), c.contact(), c.ev())
                                    : c)
                            .toList());
            writer.places(tx, b.places());
            writer.associations(
                    tx,
                    b.associations().stream()
                            .map(a -> new AssociationRow(uids.get(a.fromUid()), uids.get(a.toUid()), a.ev()))
                            .toList());
            // Sharing and assignments, so that each demo account has something to show.
            tx.run(DEMO_ACCESS, Map.of());
            return tx.changes();
        });
        int records = b.cases().size() + b.ads().size();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // Derived data (networks) is brought up to date as after any import.
        events.publishEvent(new ImportFinished(new Importer.Summary(
                records, records, 0, 0, changes.nodesCreated(), changes.relationshipsCreated(), took)));
        log.info(
                "Loaded synthetic demo data: {} cases, {} ads in {} ms (turn off with CASELINK_DEMO_DATA=false)",
                b.cases().size(),
                b.ads().size(),
                (System.nanoTime() - start) / 1_000_000);
        return true;
    }
}
