package org.caselink.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.caselink.write.GraphWriter;
import org.caselink.write.Provenance;
import org.caselink.write.Records.AdRecord;
import org.caselink.write.Records.CaseRecord;
import org.caselink.write.Records.ImportRecord;
import org.caselink.write.Records.LinkRecord;
import org.caselink.write.Records.PersonIn;
import org.caselink.write.Records.Problem;
import org.caselink.write.Rows.AdRow;
import org.caselink.write.Rows.AssociationRow;
import org.caselink.write.Rows.CaseRow;
import org.caselink.write.Rows.ChildRow;
import org.caselink.write.Rows.ContactRow;
import org.caselink.write.Rows.PersonRow;
import org.caselink.write.Rows.PlaceRow;

/**
 * What the import writes inside one transaction: a batch of parsed records turned into the rows
 * {@link GraphWriter} merges (each with its evidence: source, record and time), and at the end the
 * link records that had to wait for their people. Apart from {@link Importer}, which decides when
 * and in which transaction this runs (threads, retries, counts), so the mapping from the import
 * format to the graph reads in one place.
 */
final class RecordWriter {

    private static final String PERSON_UIDS = CypherFiles.query("ingest/person-uids");

    private final GraphWriter writer;

    RecordWriter(GraphWriter writer) {
        this.writer = writer;
    }

    /** What one batch wrote: the link records left for the end of the import. */
    record Written(List<LinkRecord> deferred) {}

    /** Writes one batch inside one transaction. */
    Written write(Graph.Tx tx, List<ImportRecord> batch, GraphWriter.ChildGate children) {
        List<CaseRecord> cases = batch.stream()
                .filter(CaseRecord.class::isInstance)
                .map(CaseRecord.class::cast)
                .toList();
        List<AdRecord> ads = batch.stream()
                .filter(AdRecord.class::isInstance)
                .map(AdRecord.class::cast)
                .toList();
        List<LinkRecord> links = batch.stream()
                .filter(LinkRecord.class::isInstance)
                .map(LinkRecord.class::cast)
                .toList();
        List<ContactRow> contacts = new ArrayList<>();
        List<PlaceRow> places = new ArrayList<>();

        writer.cases(
                tx,
                cases.stream()
                        .map(c -> new CaseRow(
                                c.caseNumber(),
                                c.type(),
                                c.status(),
                                c.reportedAt(),
                                c.agency(),
                                c.state(),
                                c.summary(),
                                ev(c)))
                        .toList());
        List<CaseRecord> withChild =
                cases.stream().filter(c -> c.child() != null).toList();
        List<String> childUids = writer.children(
                tx,
                withChild.stream()
                        .map(c -> new ChildRow(
                                c.caseNumber(),
                                null,
                                c.child().childId(),
                                c.child().firstName(),
                                c.child().lastName(),
                                c.child().dob(),
                                c.child().sex(),
                                ev(c)))
                        .toList(),
                children);
        for (int i = 0; i < withChild.size(); i++) {
            String uid = childUids.get(i);
            Provenance ev = ev(withChild.get(i));
            withChild
                    .get(i)
                    .child()
                    .contacts()
                    .forEach(k -> contacts.add(new ContactRow(EntityType.CHILD, uid, k, ev)));
        }
        List<PersonRow> personRows = new ArrayList<>();
        List<PersonIn> personIns = new ArrayList<>();
        List<Provenance> personEvs = new ArrayList<>();
        for (CaseRecord c : cases) {
            for (PersonIn p : c.persons()) {
                personRows.add(new PersonRow(
                        c.caseNumber(),
                        p.role(),
                        null,
                        p.personId(),
                        p.firstName(),
                        p.lastName(),
                        p.aliases(),
                        p.dob(),
                        ev(c)));
                personIns.add(p);
                personEvs.add(ev(c));
            }
        }
        List<String> personUids = writer.persons(tx, personRows);
        for (int i = 0; i < personUids.size(); i++) {
            String uid = personUids.get(i);
            Provenance ev = personEvs.get(i);
            personIns.get(i).contacts().forEach(k -> contacts.add(new ContactRow(EntityType.PERSON, uid, k, ev)));
        }
        for (CaseRecord c : cases) {
            c.contacts().forEach(k -> contacts.add(new ContactRow(EntityType.CASE, c.caseNumber(), k, ev(c))));
            c.locations()
                    .forEach(
                            l -> places.add(new PlaceRow(EntityType.CASE, c.caseNumber(), l.city(), l.state(), ev(c))));
        }

        writer.ads(
                tx,
                ads.stream()
                        .map(a -> new AdRow(
                                a.adId(),
                                a.site(),
                                a.url(),
                                a.postedAt(),
                                a.city(),
                                a.state(),
                                a.title(),
                                a.body(),
                                a.imageHashes(),
                                ev(a)))
                        .toList());
        for (AdRecord a : ads) {
            a.contacts().forEach(k -> contacts.add(new ContactRow(EntityType.AD, a.adId(), k, ev(a))));
            Provenance fromText = new Provenance(a.source() + ":text", a.adId(), a.postedAt());
            a.extracted().forEach(k -> contacts.add(new ContactRow(EntityType.AD, a.adId(), k, fromText)));
            if (a.city() != null && a.state() != null) {
                places.add(new PlaceRow(EntityType.AD, a.adId(), a.city(), a.state(), ev(a)));
            }
        }
        writer.contacts(tx, contacts);
        writer.places(tx, places);
        // A link may name a person whose record comes later in the import: it waits for the end.
        List<LinkRecord> later = links(tx, links);
        return new Written(later);
    }

    /**
     * Writes the link records deferred until every record of the import was in; returns why each
     * one that still names an unknown person was refused.
     */
    List<Problem> writeDeferred(Graph.Tx tx, List<LinkRecord> deferred) {
        List<LinkRecord> missing = links(tx, deferred);
        Set<String> known = new HashSet<>();
        tx.run(
                PERSON_UIDS,
                Map.of(
                        "ids",
                        missing.stream()
                                .flatMap(l -> java.util.stream.Stream.of(l.from(), l.to()))
                                .toList()),
                r -> known.add(r.get("id").asString()));
        return missing.stream().map(l -> unknownPerson(l, known)).toList();
    }

    /** Writes the link records whose two people are in the graph; returns the others, unwritten. */
    private List<LinkRecord> links(Graph.Tx tx, List<LinkRecord> links) {
        if (links.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new java.util.TreeSet<>();
        links.forEach(l -> {
            ids.add(l.from());
            ids.add(l.to());
        });
        Map<String, String> uidOf = new HashMap<>();
        tx.run(PERSON_UIDS, Map.of("ids", List.copyOf(ids)), r -> {
            uidOf.put(r.get("id").asString(), r.get("uid").asString());
            return null;
        });
        List<LinkRecord> missing = new ArrayList<>();
        List<AssociationRow> rows = new ArrayList<>();
        for (LinkRecord l : links) {
            if (!uidOf.containsKey(l.from()) || !uidOf.containsKey(l.to())) {
                missing.add(l);
            } else {
                rows.add(association(l, uidOf.get(l.from()), uidOf.get(l.to())));
            }
        }
        writer.associations(tx, rows);
        return missing;
    }

    /** A link record as the association it writes between the two people. */
    static AssociationRow association(LinkRecord l, String fromUid, String toUid) {
        return new AssociationRow(fromUid, toUid, new Provenance(l.source(), "link:" + l.key(), null));
    }

    /** Why a link record could not be written once every record was in. */
    static Problem unknownPerson(LinkRecord l, Set<String> known) {
        boolean from = !known.contains(l.from());
        return new Problem(
                l.origin(),
                l.key(),
                from ? "from" : "to",
                "no person with personId " + (from ? l.from() : l.to()) + " in the graph or anywhere in the import");
    }

    private static Provenance ev(CaseRecord c) {
        return new Provenance(c.source(), c.caseNumber(), c.reportedAt());
    }

    private static Provenance ev(AdRecord a) {
        return new Provenance(a.source(), a.adId(), a.postedAt());
    }
}
