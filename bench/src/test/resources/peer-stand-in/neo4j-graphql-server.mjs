// A stand-in for ../shared/peer/neo4j-graphql-server.mjs in the test of the peer benchmark's
// harness (BenchmarkCommandTests): the same arguments, the same "peer ready" line, and an answer
// with data to every query, from Node's own http module. It measures nothing of the Neo4j GraphQL
// Library; it lets CI check that `benchmark peer` runs, times both sides and writes its report.
import http from 'node:http';

const [, , typedefs, bolt, port] = process.argv;
http
  .createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const asked = JSON.parse(body);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: { standIn: true, queryLength: String(asked.query).length } }));
    });
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`peer ready on ${port} (stand-in for ${typedefs} on ${bolt})`));
