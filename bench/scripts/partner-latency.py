#!/usr/bin/env python3
"""A partner's read latency beside the analyst's, on the same cases, over HTTP (demo sign-in).

The benchmark command signs in as the demo analyst, who sees every case; a partner's requests are
narrowed by its agency's scope, which on a generated import exists only when cases are shared
with a demo partner's agency. Share one agency's cases with AGENCY-B by hand first (a scratch copy
of the import: remove the SHARED_WITH relationships afterwards), start the service on it with the
rate limit off, put some of those case numbers in a JSON list, then:

    python3 bench/scripts/partner-latency.py 8098 cases.json linkedCases,case,neighbourhood,paths,timeline,search

Each operation runs twice over the cases as partner-b, then as the analyst; the second round is
timed (one client, keep-alive) and its median and 90th percentile printed, with the mean answer
size (nodes, events, hits or bytes) so that a reader sees how much each viewer was shown.
"""
import base64
import http.client
import json
import statistics
import sys
import time

port = int(sys.argv[1])
cases = json.load(open(sys.argv[2]))
ops = sys.argv[3].split(',')
conn = http.client.HTTPConnection('localhost', port)
WORDS = ['Maria', 'Garcia', 'Smith', 'John', 'Houston', 'Texas', 'Lee', 'Ana', 'Cruz', 'Jones']
CASE = ('query($c: String!) { case(caseNumber: $c) { id caseNumber type status reportedAt state summary'
        ' agency { code name } children { id firstName lastName dob sex phones { e164 } cases { caseNumber } }'
        ' people { role evidence { source recordId observedAt } person { id firstName lastName aliases dob'
        ' phones { e164 } cases { role case { caseNumber } } } } phones { e164 national } emails { address }'
        ' locations { city state } } }')
LINKED = ('query($c: String!) { linkedCases(caseNumber: $c, maxHops: 6, first: 20) { truncated links { score'
          ' distance case { caseNumber } paths { length nodes { id } steps { type evidence { source recordId } } } } } }')
NEIGHBOURHOOD = ('query($id: ID!) { neighbourhood(id: $id, hops: 2, limit: 200) { truncated nodes { id }'
                 ' links { type from to evidence { source recordId } } } }')
TIMELINE = 'query($id: ID!) { timeline(id: $id, first: 50) { truncated events { postedAt ad { adId } } } }'
PATHS = ('query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 6, limit: 10) { truncated paths { length'
         ' nodes { id } steps { type evidence { source recordId } } } } }')
SEARCH = 'query($t: String!) { search(text: $t, first: 10) { score node { id } } }'


def ask(user, document, variables):
    body = json.dumps({'query': document, 'variables': variables})
    auth = 'Basic ' + base64.b64encode(f'{user}:{user}-demo'.encode()).decode()
    start = time.perf_counter()
    conn.request('POST', '/graphql', body, {'Content-Type': 'application/json', 'Authorization': auth})
    data = json.loads(conn.getresponse().read())
    took = (time.perf_counter() - start) * 1000
    if data.get('errors'):
        sys.exit(f'{user}: {data["errors"][:1]}')
    return took, data['data']


def case_id(user, number):
    _, data = ask(user, 'query($c: String!) { case(caseNumber: $c) { id } }', {'c': number})
    return data['case']['id'] if data['case'] else None


LINKS = {}


def partner_link(number):
    if number not in LINKS:
        _, data = ask('partner-b', 'query($c: String!) { linkedCases(caseNumber: $c, first: 1) { links { case {'
                      ' caseNumber } } } }', {'c': number})
        links = data['linkedCases']['links']
        LINKS[number] = links[0]['case']['caseNumber'] if links else None
    return LINKS[number]


def one(op, user, number, i):
    if op == 'case':
        took, data = ask(user, CASE, {'c': number})
        return took, len(json.dumps(data))
    if op == 'linkedCases':
        took, data = ask(user, LINKED, {'c': number})
        return took, len(json.dumps(data))
    if op == 'search':
        took, data = ask(user, SEARCH, {'t': WORDS[i % len(WORDS)]})
        return took, len(data['search'])
    node = case_id(user, number)
    if node is None:
        return None
    if op == 'paths':
        # to the partner's strongest linked case; a case with none is skipped
        other = partner_link(number) and case_id(user, partner_link(number))
        if not other:
            return None
        took, data = ask(user, PATHS, {'a': node, 'b': other})
        return took, len(data['paths']['paths'])
    if op == 'neighbourhood':
        took, data = ask(user, NEIGHBOURHOOD, {'id': node})
        return took, len(data['neighbourhood']['nodes'])
    took, data = ask(user, TIMELINE, {'id': node})
    return took, len(data['timeline']['events'])


for op in ops:
    for user in ['partner-b', 'analyst']:
        times, sizes = [], []
        for round_ in range(2):
            for i, number in enumerate(cases):
                result = one(op, user, number, i)
                if result and round_ == 1:
                    times.append(result[0])
                    sizes.append(result[1])
        times.sort()
        print(f'{op:14s} {user:10s} median {statistics.median(times):8.2f} ms'
              f'  p90 {times[int(len(times) * 0.9)]:8.2f} ms  mean size {statistics.mean(sizes):.1f}'
              f'  ({len(times)} asked)', flush=True)
