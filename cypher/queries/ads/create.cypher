// A new ad node, before the writer fills it in. CREATE, not a check then MERGE: the uniqueness
// constraint on the ad id settles concurrent creates (the loser fails).
CREATE (:Ad {adId: $id})
