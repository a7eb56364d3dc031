package org.caselink.security;

/**
 * The leak search again with root lookups not compiled ({@code caselink.api.compiled-reads=false}):
 * each relationship read by its own batched statement. {@link LeakSearchTests} runs the compiled
 * path (the default); the guard must hold on both.
 */
@org.springframework.test.context.TestPropertySource(properties = "caselink.api.compiled-reads=false")
class LeakSearchBatchedTests extends LeakSearchTests {}
