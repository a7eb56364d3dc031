// Connected components of the projected evidence graph (hubs already left out): two things are in
// one component when a chain of specific evidence links them. Components of fewer than three
// nodes cannot be a network and are not returned.
CALL gds.wcc.stream($name) YIELD nodeId, componentId
WITH componentId, collect(nodeId) AS ids
WHERE size(ids) >= 3
RETURN componentId, [id IN ids | elementId(gds.util.asNode(id))] AS ids
