package org.caselink.model;

/** What the signed-in user of this thread may see (implemented by the security layer). */
public interface CurrentVisibility {

    Visibility current();
}
