// The ids key a backup's manifest names: its fingerprint, and whether the graph keeps the secret
// (no row's values when the graph has no key yet).
OPTIONAL MATCH (k:__IdKey {name: 'ids'}) RETURN k.fingerprint AS fingerprint, k.secret IS NOT NULL AS kept
