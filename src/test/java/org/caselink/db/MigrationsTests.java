package org.caselink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caselink.DatabaseProperties;
import org.caselink.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MigrationsTests extends DatabaseProperties {

    @Autowired
    Graph graph;

    @Autowired
    Migrations migrations;

    @TempDir
    Path dir;

    @AfterEach
    void forgetTestMigrations() {
        graph.write("MATCH (m:__Migration) WHERE m.version >= 9000 DELETE m", Map.of(), r -> r);
        graph.write("DROP INDEX test_migration_index IF EXISTS", Map.of(), r -> r);
    }

    @Test
    void constraintsForEveryNaturalKeyAreInPlace() {
        List<String> unique = graph.read(
                "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] + '.' + properties[0] AS k",
                Map.of(),
                r -> r.get("k").asString());
        assertThat(unique)
                .contains(
                        "Case.caseNumber",
                        "Child.uid",
                        "Child.childId",
                        "Person.uid",
                        "Person.personId",
                        "Phone.e164",
                        "Email.address",
                        "Handle.key",
                        "Ad.adId",
                        "Image.hash",
                        "Location.key",
                        "Agency.code");
    }

    @Test
    void lookupAndFullTextIndexesAreOnline() {
        Map<String, String> indexes = new java.util.HashMap<>();
        graph.read("SHOW INDEXES YIELD name, type, state RETURN name, type, state", Map.of(), r -> r)
                .forEach(r -> indexes.put(
                        r.get("name").asString(),
                        r.get("type").asString() + "/" + r.get("state").asString()));
        assertThat(indexes)
                .containsEntry("case_reported_at", "RANGE/ONLINE")
                .containsEntry("ad_posted_at", "RANGE/ONLINE")
                .containsEntry("person_name_dob", "RANGE/ONLINE")
                .containsEntry("person_names", "FULLTEXT/ONLINE")
                .containsEntry("child_names_all", "FULLTEXT/ONLINE")
                .containsEntry("case_text", "FULLTEXT/ONLINE")
                .containsEntry("ad_text", "FULLTEXT/ONLINE")
                .containsEntry("case_link_score", "RANGE/ONLINE")
                .containsEntry("case_link_computed", "RANGE/ONLINE")
                .as("V0010 dropped the blocking and band indexes nothing reads any more")
                .doesNotContainKeys("person_block1", "person_block2", "image_band_0", "ad_text_band_0");
    }

    @Test
    void eachMigrationIsAppliedOnceAndRecordedWithItsChecksum() {
        assertThat(migrations.migrate())
                .as("nothing left to apply at a second start")
                .isEmpty();
        List<Long> versions = graph.read(
                "MATCH (m:__Migration) WHERE m.version < 9000 RETURN m.version AS v ORDER BY v",
                Map.of(),
                r -> r.get("v").asLong());
        assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        var files = migrations.load();
        var stored = graph.read(
                "MATCH (m:__Migration {version: 1}) RETURN m.checksum AS c",
                Map.of(),
                r -> r.get("c").asString());
        assertThat(stored).containsExactly(files.getFirst().checksum());
    }

    @Test
    void anEditedAppliedMigrationStopsTheStart() throws Exception {
        Files.writeString(
                dir.resolve("V9001__test_index.cypher"),
                "CREATE INDEX test_migration_index IF NOT EXISTS FOR (n:TestOnly) ON (n.x);\n");
        Migrations fromDir = new Migrations(graph, "file:" + dir + "/*.cypher");
        assertThat(fromDir.migrate()).containsExactly(9001);
        assertThat(fromDir.migrate()).isEmpty();

        Files.writeString(
                dir.resolve("V9001__test_index.cypher"),
                "CREATE INDEX test_migration_index IF NOT EXISTS FOR (n:TestOnly) ON (n.y);\n");
        assertThatThrownBy(fromDir::migrate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V9001__test_index was applied with checksum")
                .hasMessageContaining("An applied migration must not change");
    }

    @Test
    void statementsSplitAtSemicolonsAtLineEnds() {
        var m = new Migrations.Migration(1, "x", "// comment\nCREATE A;\nCREATE B\n  MORE;\n\nCREATE C", "sum");
        assertThat(m.statements()).containsExactly("CREATE A", "CREATE B\n  MORE", "CREATE C");
    }
}
