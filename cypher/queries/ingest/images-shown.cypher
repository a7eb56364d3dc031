// Every image's perceptual hash with how many ads show it (a stock photo is shown by many).
MATCH (i:Image)
RETURN i.hash AS hash, COUNT { (i)<-[:SHOWS]-() } AS ads
