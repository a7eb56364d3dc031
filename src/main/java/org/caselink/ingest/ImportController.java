package org.caselink.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.caselink.write.Records.Problem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The upload front door: {@code POST /api/import} with one or more multipart {@code files}
 * (JSON Lines, or ads as {@code .csv}). Runs the same pipeline as the {@code import} command and
 * answers with the summary and every rejected record (up to {@code MAX_LISTED}).
 */
@RestController
class ImportController {

    static final int MAX_LISTED = 1000;

    private final Importer importer;

    private final org.caselink.security.Access access;
    private final org.caselink.security.SecurityAudit audit;

    /** The header an upload must carry (any value): see {@link #upload}. */
    static final String CLIENT_HEADER = "X-Caselink-Client";

    ImportController(
            Importer importer, org.caselink.security.Access access, org.caselink.security.SecurityAudit audit) {
        this.importer = importer;
        this.access = access;
        this.audit = audit;
    }

    @PostMapping(path = "/api/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport upload(
            @RequestParam("files") List<MultipartFile> files,
            @org.springframework.web.bind.annotation.RequestHeader(name = CLIENT_HEADER, required = false)
                    @org.jspecify.annotations.Nullable
                    String client) {
        // A browser may send cached demo credentials (HTTP Basic) with a form posted from another
        // site; it cannot add a custom header to one. Uploads therefore carry this header.
        if (client == null || client.isBlank()) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST,
                    "send the header " + CLIENT_HEADER + " (any value) with an upload");
        }
        List<ImportSource> sources = new ArrayList<>();
        for (MultipartFile f : files) {
            String name = f.getOriginalFilename() == null ? "upload" : f.getOriginalFilename();
            sources.add(ImportSource.of(
                    name, f.getSize(), name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv"), () -> {
                        try {
                            return f.getInputStream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        }
        // Recorded before it runs (no audit, no import) and after, with what it did.
        audit.record(
                access.viewer(),
                "import",
                "IMPORT",
                "STARTED",
                java.util.Map.of(
                        "files",
                        files.stream()
                                .map(f -> String.valueOf(f.getOriginalFilename()))
                                .toList()));
        ImportReport report = report(importer, sources, access.scope()::knowsChild);
        // The import is audited with what it did; if the event cannot be written the request fails.
        audit.record(
                access.viewer(),
                "import",
                "IMPORT",
                report.rejected() == 0 ? "SUCCESS" : "PARTIAL",
                java.util.Map.of(
                        "files",
                                files.stream()
                                        .map(f -> String.valueOf(f.getOriginalFilename()))
                                        .toList(),
                        "read", report.read(),
                        "imported", report.imported(),
                        "rejected", report.rejected()));
        return report;
    }

    /** The answer of every front door but the command: the summary and the problems, by record. */
    record ImportReport(
            long read,
            long imported,
            long rejected,
            long warnings,
            long nodesCreated,
            long relationshipsCreated,
            double seconds,
            List<ImportProblem> errors,
            List<ImportProblem> warningList) {}

    record ImportProblem(String file, long line, String key, String field, String reason) {
        static ImportProblem of(Problem p) {
            return new ImportProblem(p.origin().file(), p.origin().line(), p.key(), p.field(), p.reason());
        }
    }

    /** Runs an import and keeps the first {@code MAX_LISTED} errors and warnings for the answer. */
    static ImportReport report(
            Importer importer, List<ImportSource> sources, java.util.function.Predicate<String> mayLinkChild) {
        List<ImportProblem> errors = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        var summary = importer.run(sources, new Importer.Listener() {
            @Override
            public boolean mayLinkChild(String uid) {
                return mayLinkChild.test(uid);
            }

            @Override
            public void error(Problem p) {
                if (errors.size() < MAX_LISTED) {
                    errors.add(ImportProblem.of(p));
                }
            }

            @Override
            public void warning(Problem p) {
                if (warnings.size() < MAX_LISTED) {
                    warnings.add(ImportProblem.of(p));
                }
            }
        });
        return new ImportReport(
                summary.read(),
                summary.imported(),
                summary.rejected(),
                summary.warnings(),
                summary.nodesCreated(),
                summary.relationshipsCreated(),
                summary.took().toMillis() / 1000.0,
                errors,
                warnings);
    }
}
