// How many ads the graph holds (the share of them that makes an image common).
MATCH (a:Ad)
RETURN count(a) AS n
