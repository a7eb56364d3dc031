package org.caselink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caselink.generator.Generator;
import org.caselink.write.Records.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published JSON Schema of the import format ({@code docs/import-record.schema.json}) and the
 * parser agree: the same fields for each shape, every generated record valid under both, and
 * records that break a rule the schema can state refused by both. Partners validate files with
 * the schema before they send them; a schema that drifted from the parser would mislead them.
 */
class ImportSchemaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCHEMA_FILE = Path.of("docs/import-record.schema.json");
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(JSON.readTree(read(SCHEMA_FILE)));
    private final RecordParser parser = new RecordParser("US", "import:schema-test.jsonl");

    /** recordsImport's typed records are the import format: the same fields per shape (kind aside: it is which one is given). */
    @Test
    void theGraphQlRecordInputsNameExactlyTheFieldsTheParserReads() throws Exception {
        var registry = new graphql.schema.idl.TypeDefinitionRegistry();
        try (var files = Files.list(Path.of("graphql-schema"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".graphqls")).toList()) {
                registry.merge(new graphql.schema.idl.SchemaParser().parse(Files.readString(f)));
            }
        }
        Map<String, String> inputs = Map.of(
                "case", "CaseRecordInput",
                "ad", "AdRecordInput",
                "link", "LinkRecordInput",
                "child", "ImportChildInput",
                "person", "ImportPersonInput",
                "handle", "HandleInput",
                "location", "LocationInput");
        assertThat(new TreeSet<>(inputs.keySet())).isEqualTo(new TreeSet<>(RecordParser.FIELDS.keySet()));
        inputs.forEach((shape, input) -> {
            var type = registry.getType(input, graphql.language.InputObjectTypeDefinition.class)
                    .orElseThrow();
            Set<String> fields = new TreeSet<>();
            type.getInputValueDefinitions().forEach(v -> fields.add(v.getName()));
            Set<String> parsed = new TreeSet<>(RecordParser.FIELDS.get(shape));
            parsed.remove("kind");
            assertThat(fields).as(input).isEqualTo(parsed);
        });
        var oneOf = registry.getType("ImportRecordInput", graphql.language.InputObjectTypeDefinition.class)
                .orElseThrow();
        assertThat(oneOf.getInputValueDefinitions().stream().map(v -> v.getName()))
                .containsExactlyInAnyOrder("case", "ad", "link");
    }

    @Test
    void theSchemaNamesExactlyTheFieldsTheParserReads() {
        JsonNode defs = JSON.readTree(read(SCHEMA_FILE)).get("$defs");
        Map<String, String> shapes = Map.of(
                "case",
                "case",
                "ad",
                "ad",
                "link",
                "link",
                "child",
                "child",
                "person",
                "person",
                "handle",
                "handle",
                "location",
                "location");
        assertThat(new TreeSet<>(RecordParser.FIELDS.keySet())).isEqualTo(new TreeSet<>(shapes.keySet()));
        shapes.forEach((shape, def) -> {
            Set<String> inSchema = new TreeSet<>(defs.get(def).get("properties").propertyNames());
            assertThat(inSchema).as(shape).isEqualTo(new TreeSet<>(RecordParser.FIELDS.get(shape)));
            assertThat(defs.get(def).get("additionalProperties").asBoolean(true))
                    .as(shape)
                    .isFalse();
        });
    }

    @Test
    void everyGeneratedRecordIsValidUnderTheSchemaAndTheParser(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("g.jsonl");
        Generator.write(new Generator.Config(150, 150, 7), file, dir.resolve("g.truth.json"));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSizeGreaterThan(300);
        Set<String> kinds = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode record = JSON.readTree(lines.get(i));
            kinds.add(record.get("kind").asString());
            assertThat(SCHEMA.validate(record))
                    .as("line %d: %s", i + 1, lines.get(i))
                    .isEmpty();
            assertThat(parser.parse(new Origin("g.jsonl", i + 1), lines.get(i)).errors())
                    .as("line %d", i + 1)
                    .isEmpty();
        }
        assertThat(kinds).containsExactly("ad", "case", "link");
        assertThat(SCHEMA.validate(JSON.readTree(RecordParserTests.CASE))).isEmpty();
    }

    /** Records that break a rule the schema states: the schema and the parser both refuse them. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"kind\":\"case\",\"type\":\"RUNAWAY\",\"status\":\"OPEN\",\"reportedAt\":\"2021-03-04T10:00:00Z\",\"agency\":\"A\"}",
                "{\"kind\":\"case\",\"caseNumber\":\"MC-1\",\"type\":\"LOST\",\"status\":\"OPEN\",\"reportedAt\":\"2021-03-04T10:00:00Z\",\"agency\":\"A\"}",
                "{\"kind\":\"case\",\"caseNumber\":\"MC 1\",\"type\":\"RUNAWAY\",\"status\":\"OPEN\",\"reportedAt\":\"2021-03-04T10:00:00Z\",\"agency\":\"A\"}",
                "{\"kind\":\"case\",\"caseNumber\":\"MC-1\",\"type\":\"RUNAWAY\",\"status\":\"OPEN\",\"reportedAt\":\"2021-03-04T10:00:00Z\",\"agency\":\"A\",\"state\":\"Virginia\"}",
                "{\"kind\":\"case\",\"caseNumber\":\"MC-1\",\"type\":\"RUNAWAY\",\"status\":\"OPEN\",\"reportedAt\":\"2021-03-04T10:00:00Z\",\"agency\":\"A\",\"persons\":[{\"firstName\":\"Jo\"}]}",
                "{\"kind\":\"case\",\"caseNumber\":\"MC-1\",\"type\":\"RUNAWAY\",\"status\":\"OPEN\",\"reportedAt\":\"2021-03-04T10:00:00Z\",\"agency\":\"A\",\"persons\":[{\"role\":\"SUSPECT\"}]}",
                "{\"kind\":\"case\",\"caseNumber\":\"MC-1\",\"type\":\"RUNAWAY\",\"status\":\"OPEN\",\"reportedAt\":\"2021-03-04T10:00:00Z\",\"agency\":\"A\",\"locations\":[{\"city\":\"Richmond\"}]}",
                "{\"kind\":\"case\",\"caseNumber\":\"MC-1\",\"type\":\"RUNAWAY\",\"status\":\"OPEN\",\"reportedAt\":\"2021-03-04T10:00:00Z\",\"agency\":\"A\",\"child\":{\"dob\":\"1 Feb 2005\"}}",
                "{\"kind\":\"ad\",\"site\":\"s\",\"postedAt\":\"2021-03-04T10:00:00Z\"}",
                "{\"kind\":\"ad\",\"adId\":\"AD-1\",\"site\":\"s\",\"postedAt\":\"2021-03-04T10:00:00Z\",\"imageHashes\":[\"xyz\"]}",
                "{\"kind\":\"ad\",\"adId\":\"AD-1\",\"site\":\"s\",\"postedAt\":\"2021-03-04T10:00:00Z\",\"url\":\"javascript:alert(1)\"}",
                "{\"kind\":\"ad\",\"adId\":\"AD-1\",\"site\":\"s\",\"postedAt\":\"2021-03-04T10:00:00Z\",\"handles\":[{\"platform\":\"x\"}]}",
                "{\"kind\":\"link\",\"from\":\"P-1\",\"type\":\"ASSOCIATED_WITH\"}",
                "{\"kind\":\"link\",\"from\":\"P-1\",\"to\":\"P-2\",\"type\":\"KNOWS\"}",
                "{\"kind\":\"person\",\"personId\":\"P-1\"}",
                "{\"caseNumber\":\"MC-1\"}"
            })
    void aRecordTheSchemaRefusesTheParserRefusesToo(String line) {
        assertThat(SCHEMA.validate(JSON.readTree(line))).as("schema").isNotEmpty();
        assertThat(parser.parse(new Origin("t", 1), line).errors()).as("parser").isNotEmpty();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
