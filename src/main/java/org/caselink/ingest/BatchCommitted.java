package org.caselink.ingest;

/**
 * Published after each batch of an import has committed, on the thread that wrote it: how many
 * batches and records of this import are durable so far. What an operator's progress display, or
 * a test that interrupts an import at a known point, listens to.
 */
public record BatchCommitted(long batches, long records) {}
