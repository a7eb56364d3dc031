package org.caselink.model;

/** A person's role in one case, with the evidence for it. */
public record CaseRole(Role role, Person person, Case kase, Evidence evidence) implements Guarded {

    @Override
    public boolean visibleTo(Visibility visibility) {
        return visibility.sees(person) && visibility.sees(kase);
    }

    /** GraphQL field {@code case} (a Java keyword, hence the record component's name). */
    public Case getCase() {
        return kase;
    }
}
