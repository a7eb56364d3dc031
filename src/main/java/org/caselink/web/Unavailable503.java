package org.caselink.web;

import java.util.Map;
import org.caselink.db.DatabaseUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The HTTP endpoints beside GraphQL (upload, export) when the database cannot be reached: 503
 * with the time to wait and what happened (for an import, what had committed), not a bare 500.
 * GraphQL answers the same as an UNAVAILABLE error ({@code graph/Unavailable}).
 */
@RestControllerAdvice
class Unavailable503 {

    @ExceptionHandler(DatabaseUnavailableException.class)
    ResponseEntity<Map<String, Object>> unavailable(DatabaseUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Map.of("error", "UNAVAILABLE", "message", e.getMessage()));
    }
}
