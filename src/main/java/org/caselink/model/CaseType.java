package org.caselink.model;

public enum CaseType {
    MISSING_FROM_CARE,
    RUNAWAY,
    FAMILY_ABDUCTION,
    NONFAMILY_ABDUCTION,
    LOST_INJURED,
    CST_TIP
}
