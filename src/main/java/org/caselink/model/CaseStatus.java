package org.caselink.model;

public enum CaseStatus {
    OPEN,
    RECOVERED,
    CLOSED
}
