package org.caselink.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.caselink.db.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded mode's audit write path: an append-only journal on the local disk. The writer
 * thread numbers and chains a group of events, appends them as RFC 8785 lines to the current
 * segment and flushes it to disk (one {@code fdatasync} for the whole group); only then are their
 * callers answered. A shipper thread then copies them into the graph ({@code (:AuditEvent)} nodes
 * and the head, as {@link GraphSink} writes them), behind the answers; readers of the trail wait
 * for it to catch up with what was written before they asked.
 *
 * <p>At start the journal is recovered: every segment is read and checked (a line cut off by a
 * crash, never acknowledged, is dropped; any other damage stops the start with the file and line),
 * what the graph lacks is shipped, and shipped segments are deleted. The journal is the chain's
 * only writer, so it is for the embedded database alone, which one process opens; a backup ships
 * everything first, so the copy holds every event ({@link #shipAll}).
 */
final class Journal implements AuditWriter.Sink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    /** A segment is closed and a new one begun past this size; shipped segments are deleted. */
    static final long SEGMENT_BYTES = 8L << 20;

    /**
     * Events written but not yet in the graph, at most: past it (the database gone for a long
     * while), appends are refused, and so are the answers waiting on them, rather than memory filled.
     */
    static final int MAX_UNSHIPPED = 100_000;

    private static final String SUFFIX = ".jsonl";

    /** How long the shipper gathers events before a transaction, when no reader waits for them. */
    static final Duration LINGER = Duration.ofMillis(50);

    private final Path dir;
    private final Graph graph;
    private final Clock clock;

    // Written by the writer thread only (and by open() before it starts).
    private long seq;
    private String hash = AuditLog.GENESIS;
    private FileChannel out;
    private Segment current;
    private IOException broken;

    // Shared between the writer, the shipper and readers: guarded by this.
    private final ArrayDeque<Entry> unshipped = new ArrayDeque<>();
    private final ArrayDeque<Segment> closedSegments = new ArrayDeque<>();
    private long shippedSeq;
    private long writtenSeq;
    private boolean stopping;
    private int readers;

    private final Thread shipper;

    private static final class Segment {
        final Path path;
        long lastSeq;

        Segment(Path path, long lastSeq) {
            this.path = path;
            this.lastSeq = lastSeq;
        }
    }

    private record Entry(EventText.Fields fields, String hash) {}

    /** Opens the journal in {@code dir}, recovering what a previous run left (see the class comment). */
    Journal(Path dir, Graph graph, Clock clock) {
        this.dir = dir;
        this.graph = graph;
        this.clock = clock;
        recover();
        this.shipper = Thread.ofPlatform().name("audit-shipper").daemon().unstarted(this::shipLoop);
        shipper.start();
    }

    private void recover() {
        try {
            Files.createDirectories(dir);
            AuditHead head = AuditHead.read(graph);
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                        .sorted()
                        .toList();
            }
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                byte[] bytes = Files.readAllBytes(file);
                int start = 0;
                int lineNo = 0;
                while (start < bytes.length) {
                    int end = start;
                    while (end < bytes.length && bytes[end] != '\n') {
                        end++;
                    }
                    lineNo++;
                    if (end == bytes.length) {
                        if (i < files.size() - 1) {
                            throw damaged(file, lineNo, "a line without its end, in a segment that was closed");
                        }
                        // The write a crash cut off: its flush never returned, so no caller was answered.
                        log.warn(
                                "Audit journal {}: dropping the unfinished last line ({} bytes) a crash left",
                                file,
                                end - start);
                        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                            ch.truncate(start);
                            ch.force(false);
                        }
                        break;
                    }
                    AuditEvent e;
                    try {
                        e = EventText.parseLine(new String(bytes, start, end - start, StandardCharsets.UTF_8));
                    } catch (RuntimeException ex) {
                        throw damaged(file, lineNo, ex.getMessage());
                    }
                    if (e.seq() == head.seq() && !e.hash().equals(head.hash())) {
                        throw damaged(
                                file,
                                lineNo,
                                "seq " + e.seq() + " differs from the database's: this journal"
                                        + " belongs to another database");
                    }
                    if (e.seq() > head.seq()) {
                        // What the graph lacks must follow on from the graph's last event, line by line;
                        // lines the graph holds already are only dropped (a segment whose deletion
                        // failed earlier may leave a gap among them, and that loses nothing).
                        Entry before = unshipped.peekLast();
                        long expected = before == null
                                ? head.seq() + 1
                                : before.fields().seq() + 1;
                        String chained = before == null ? head.hash() : before.hash();
                        if (e.seq() != expected || !e.prevHash().equals(chained)) {
                            throw damaged(
                                    file,
                                    lineNo,
                                    "seq " + e.seq() + " does not follow "
                                            + (before == null
                                                    ? "the database's last event, seq " + head.seq()
                                                    : "seq " + before.fields().seq()));
                        }
                        unshipped.add(new Entry(EventText.Fields.of(e), e.hash()));
                    }
                    start = end + 1;
                }
            }
            seq = head.seq();
            hash = head.hash();
            if (!unshipped.isEmpty()) {
                seq = unshipped.getLast().fields().seq();
                hash = unshipped.getLast().hash();
                log.info(
                        "Audit journal: {} events written before the last stop go into the graph now",
                        unshipped.size());
            }
            shippedSeq = head.seq();
            writtenSeq = seq;
            shipAll();
            for (Path f : files) {
                Files.delete(f);
            }
            startSegment();
        } catch (IOException e) {
            throw new UncheckedIOException("the audit journal in " + dir + " could not be opened", e);
        }
    }

    /**
     * Ships what a journal left in {@code dir} (when caselink now runs with the journal off, its
     * events must still reach the graph before anything else is appended there), then removes it.
     */
    static void retire(Path dir, Graph graph, Clock clock) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        new Journal(dir, graph, clock).close();
        try (Stream<Path> left = Files.list(dir)) {
            for (Path f : left.toList()) {
                Files.delete(f);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit journal in " + dir + " was shipped but not removed", e);
        }
    }

    private IllegalStateException damaged(Path file, int line, String why) {
        return new IllegalStateException("Audit journal " + file + " line " + line + ": " + why
                + ". caselink does not start on a damaged audit trail: keep the file for investigation,"
                + " and move it out of " + dir + " only once what it holds is accounted for.");
    }

    private void startSegment() throws IOException {
        Path file = dir.resolve("%020d%s".formatted(seq + 1, SUFFIX));
        out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        // The new file's name must be durable too, or a crash could lose the whole segment.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
        current = new Segment(file, seq);
    }

    /** Numbers, chains, writes and flushes a group; called by the writer thread only. */
    @Override
    public List<AuditEvent> store(List<AuditWriter.Pending> group) {
        if (broken != null) {
            throw new IllegalStateException(
                    "the audit journal failed a write earlier and refuses more until restarted", broken);
        }
        synchronized (this) {
            if (unshipped.size() + group.size() > MAX_UNSHIPPED) {
                throw new IllegalStateException("the audit journal holds " + unshipped.size()
                        + " events the database has not taken yet; no more are written until it does");
            }
        }
        long s = seq;
        String prev = hash;
        List<Entry> entries = new ArrayList<>(group.size());
        StringBuilder text = new StringBuilder(group.size() * 512);
        for (AuditWriter.Pending p : group) {
            EventText.Fields f = new EventText.Fields(
                    ++s,
                    clock.instant(),
                    p.component(),
                    p.type(),
                    p.user(),
                    p.agency(),
                    p.outcome(),
                    p.details(),
                    prev);
            prev = f.hash();
            entries.add(new Entry(f, prev));
            text.append(f.line(prev)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        long before = -1;
        try {
            before = out.position();
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        } catch (IOException e) {
            undo(before, e);
            throw new UncheckedIOException("the audit journal could not be written", e);
        }
        seq = s;
        hash = prev;
        current.lastSeq = s;
        synchronized (this) {
            unshipped.addAll(entries);
            writtenSeq = s;
            notifyAll();
        }
        if (sizeOf(out) > SEGMENT_BYTES) {
            rotate();
        }
        List<AuditEvent> events = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            events.add(e.fields().event(e.hash()));
        }
        return events;
    }

    /** A failed write leaves the file as it was, or the journal refuses every later write. */
    private void undo(long before, IOException cause) {
        try {
            if (before < 0) {
                throw cause;
            }
            out.truncate(before);
            out.position(before);
            out.force(false);
        } catch (IOException e) {
            broken = e;
            log.error("The audit journal could not be written nor restored; audited requests fail until restart", e);
        }
    }

    private static long sizeOf(FileChannel ch) {
        try {
            return ch.size();
        } catch (IOException e) {
            return 0;
        }
    }

    private void rotate() {
        try {
            out.close();
            synchronized (this) {
                closedSegments.add(current);
            }
            startSegment();
        } catch (IOException e) {
            broken = e;
            log.error("The audit journal could not begin a new segment; audited requests fail until restart", e);
        }
    }

    /** The seq of the last event written (and answered): what a reader of the trail waits for. */
    synchronized long written() {
        return writtenSeq;
    }

    /**
     * Waits until the graph holds every event up to {@code target}: a reader of the trail sees at
     * least what was written before it asked.
     */
    synchronized void awaitShipped(long target, Duration timeout) {
        if (shippedSeq >= target) {
            return;
        }
        readers++;
        notifyAll();
        try {
            awaitShippedWaking(target, timeout);
        } finally {
            readers--;
        }
    }

    private void awaitShippedWaking(long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (shippedSeq < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("audit events up to " + target + " are in the journal but not yet in"
                        + " the database (it has " + shippedSeq + "); try again shortly");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the audit trail", e);
            }
        }
    }

    /**
     * Ships every event written so far, in the caller's thread: a backup calls it while writes are
     * paused (its thread passes the gate it holds), and the stop calls it last.
     */
    void shipAll() {
        long target = written();
        while (shipped() < target) {
            // One transaction of up to GROUP events at a time, until every event written before
            // the call is in (not those written since, or a pause could chase them for ever).
            if (shipOnce() == 0 && shipped() < target && nothingUnshipped()) {
                break;
            }
        }
    }

    private synchronized long shipped() {
        return shippedSeq;
    }

    private synchronized boolean nothingUnshipped() {
        return unshipped.isEmpty();
    }

    /** Ships up to {@link AuditWriter#GROUP} events in one transaction; returns how many went. */
    private int shipOnce() {
        synchronized (this) {
            if (unshipped.isEmpty()) {
                return 0;
            }
        }
        // The gate is passed before the lock below is taken, never after: a backup holding the
        // gate can then ship here itself without waiting for a shipper stuck behind it.
        long shipped = graph.inWriteTransaction(GraphSink.AUDIT_METADATA, tx -> {
            List<Entry> batch = new ArrayList<>();
            synchronized (this) {
                for (Entry e : unshipped) {
                    if (batch.size() == AuditWriter.GROUP) {
                        break;
                    }
                    batch.add(e);
                }
            }
            AuditHead head = AuditHead.lock(tx);
            batch.removeIf(e -> e.fields().seq() <= head.seq());
            if (batch.isEmpty()) {
                return head.seq();
            }
            EventText.Fields first = batch.getFirst().fields();
            if (first.seq() != head.seq() + 1 || !first.prevHash().equals(head.hash())) {
                throw new IllegalStateException("the graph's audit head (seq " + head.seq() + ") moved apart from the"
                        + " journal (next seq " + first.seq() + "): something else wrote to the audit trail");
            }
            GraphSink.append(
                    tx,
                    batch.stream().map(Entry::fields).toList(),
                    batch.stream().map(Entry::hash).toList());
            return batch.getLast().fields().seq();
        });
        List<Path> done = new ArrayList<>();
        int count = 0;
        synchronized (this) {
            while (!unshipped.isEmpty() && unshipped.peekFirst().fields().seq() <= shipped) {
                unshipped.pollFirst();
                count++;
            }
            shippedSeq = Math.max(shippedSeq, shipped);
            while (!closedSegments.isEmpty() && closedSegments.peekFirst().lastSeq <= shippedSeq) {
                done.add(closedSegments.pollFirst().path);
            }
            notifyAll();
        }
        for (Path f : done) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                log.warn("Could not delete the shipped audit journal segment {}", f, e);
            }
        }
        return count;
    }

    private void shipLoop() {
        long backoff = 50;
        while (true) {
            synchronized (this) {
                while (unshipped.isEmpty() && !stopping) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // only close() ends the loop
                    }
                }
                // Events keep coming under load: gather them for a moment, unless a reader
                // waits, so one transaction carries many (shipping one or two at a time took
                // 30 % of the CPU at eight clients asking { __typename }).
                long until = System.nanoTime() + LINGER.toNanos();
                while (!stopping && readers == 0 && unshipped.size() < AuditWriter.GROUP) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        // only close() ends the loop
                    }
                }
                if (stopping) {
                    return;
                }
            }
            try {
                shipOnce();
                backoff = 50;
            } catch (Throwable e) {
                // Anything, so the shipper never dies quietly with the readers waiting on it.
                if (backoff == 50) {
                    log.warn(
                            "Audit events could not go into the graph yet; they are safe in the journal: {}",
                            e.toString());
                }
                long until = System.nanoTime() + backoff * 1_000_000;
                synchronized (this) {
                    // Every append wakes this monitor: wait out the whole back-off all the same.
                    for (long left = backoff; left > 0 && !stopping; left = (until - System.nanoTime()) / 1_000_000) {
                        try {
                            wait(left);
                        } catch (InterruptedException ie) {
                            // only close() ends the loop
                        }
                    }
                }
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }

    /**
     * Stops the shipper, ships what is left in this thread (what cannot go stays in the journal
     * for the next start) and closes the file. The writer is stopped before this is called.
     */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        try {
            shipper.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            shipAll();
        } catch (RuntimeException e) {
            log.warn(
                    "Audit events left in the journal at the stop go into the graph at the next start: {}",
                    e.getMessage());
        }
        try {
            out.close();
        } catch (IOException e) {
            log.warn("Closing the audit journal", e);
        }
    }
}
