package org.caselink.demo;

import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tests over the demo data through the front door, loaded once for the class (about 3 s a load):
 * their tests only read it. A test that changes the graph says so ({@link #reloadDemoData}), and the
 * next test loads it again; other classes clear the graph, so the first test of each class loads it.
 */
abstract class DemoDataOnce extends DatabaseProperties {

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoDataLoader loader;

    private static boolean loaded;

    @BeforeAll
    static void notYetLoaded() {
        loaded = false;
    }

    @BeforeEach
    void demoData() {
        if (!loaded) {
            fixtures.clear();
            loader.loadIfEmpty();
            loaded = true;
        }
    }

    /** The graph is no longer the demo data alone: the next test loads it again. */
    static void reloadDemoData() {
        loaded = false;
    }
}
