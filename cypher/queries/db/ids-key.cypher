// The deployment's ids key: made on the first start with the fingerprint (and, when not configured,
// the secret) given; afterwards the fingerprint, secret and re-keying scheme already kept.
MERGE (k:__IdKey {name: 'ids'})
  ON CREATE SET k.fingerprint = $fingerprint, k.secret = $secret, k.createdAt = datetime()
RETURN k.fingerprint AS fingerprint, k.secret AS secret, k.scheme AS scheme
