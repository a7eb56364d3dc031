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

/** The GraphQL front door for small batches: records in the import format, same pipeline, same report. */
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
