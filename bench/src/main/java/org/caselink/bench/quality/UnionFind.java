package org.caselink.bench.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Disjoint sets over ids (ad ids, Person and Child uids), with path halving: the groups that chains
 * of links or proposals make, for {@link ImportFigures} and {@link IdentityFigures}.
 */
final class UnionFind {
    private final Map<String, String> parent = new HashMap<>();

    void add(String x) {
        parent.putIfAbsent(x, x);
    }

    String find(String x) {
        add(x);
        String p = x;
        while (!parent.get(p).equals(p)) {
            parent.put(p, parent.get(parent.get(p)));
            p = parent.get(p);
        }
        return p;
    }

    void unionAll(List<String> xs) {
        if (xs.isEmpty()) {
            return;
        }
        String root = find(xs.getFirst());
        for (String x : new ArrayList<>(xs)) {
            String r = find(x);
            if (!r.equals(root)) {
                parent.put(r, root);
            }
        }
    }
}
