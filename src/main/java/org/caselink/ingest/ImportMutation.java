package org.caselink.ingest;

import java.util.List;
import org.caselink.graphql.InvalidInputException;
import org.caselink.ingest.ImportSource.Raw;
import org.caselink.write.Records.Origin;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL front door for small batches: records in the import format, same pipeline, same
 * report. {@code recordsImport} takes them typed (one of case, ad or link per record);
 * {@code importRecords}, deprecated, as JSON objects with a {@code kind}. Both hand the import the
 * same JSON the file formats give it, so that each record is checked, reported and written alike.
 */
@Controller
class ImportMutation {

    static final int MAX_RECORDS = 1000;

    private final Importer importer;
    private final org.caselink.security.Access access;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportMutation(Importer importer, org.caselink.security.Access access) {
        this.importer = importer;
        this.access = access;
    }

    /** What recordsImport answers. */
    record RecordsImportPayload(ImportController.ImportReport report) {}

    @MutationMapping
    RecordsImportPayload recordsImport(@Argument("input") java.util.Map<String, Object> input) {
        List<Object> records = new java.util.ArrayList<>();
        for (Object each : (List<?>) input.get("records")) {
            // @oneOf: exactly one of case, ad or link, which is the record's kind in the import format.
            var one = ((java.util.Map<?, ?>) each).entrySet().iterator().next();
            java.util.Map<String, Object> record = new java.util.LinkedHashMap<>();
            record.put("kind", one.getKey());
            ((java.util.Map<?, ?>) one.getValue()).forEach((k, v) -> record.put((String) k, v));
            records.add(record);
        }
        return new RecordsImportPayload(importRecords(records));
    }

    @MutationMapping
    ImportController.ImportReport importRecords(@Argument List<Object> records) {
        if (records.size() > MAX_RECORDS) {
            throw new InvalidInputException(
                    "records",
                    "at most " + MAX_RECORDS + " records per call; use the upload or the import command for more");
        }
        ImportSource source = new ImportSource() {
            @Override
            public String name() {
                return "graphql";
            }

            @Override
            public long size() {
                return records.size();
            }

            @Override
            public void read(java.util.function.Consumer<Raw> sink) {
                for (int i = 0; i < records.size(); i++) {
                    JsonNode node = json.valueToTree(records.get(i));
                    sink.accept(new Raw(new Origin("graphql", i + 1), null, node, i + 1, null));
                }
            }
        };
        return ImportController.report(importer, List.of(source), access.scope()::knowsChild);
    }
}
