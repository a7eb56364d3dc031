// Marks the ids as re-keyed up to $scheme, so that the next start does not re-key again.
MATCH (k:__IdKey {name: 'ids'}) SET k.scheme = $scheme
