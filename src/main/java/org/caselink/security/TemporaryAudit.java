package org.caselink.security;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

@Component
class TemporaryAudit implements SecurityAudit {
    public void denied(Viewer viewer, String what, String reason) {}

    public void logon(String user, @Nullable String agency, boolean success, String reason) {}

    public void record(Viewer viewer, String component, String type, String outcome, Map<String, Object> details) {}
}
