// GraphiQL's start-up, in its own file: the Content-Security-Policy allows no inline script.
// The browser sends the demo account it signed in with (HTTP Basic) along with every request.
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
const defaultQuery = `# caselink: a demo case, its child, its people, their phones and the ads listing them.
# Signed in as analyst, the child's name is redacted (redacted: true); sign in as casemanager
# (assigned to this case) to see it, or as partner-b to see only AGENCY-B's cases.
{
  case(caseNumber: "MC-2023-000100") {
    caseNumber type status agency { code }
    children { redacted firstName cases { caseNumber } }
    people {
      role
      person {
        firstName lastName
        cases { role case { caseNumber state } }
        phones { e164 ads(first: 3) { totalCount edges { node { adId city postedAt } } } }
      }
    }
  }
}
`;
ReactDOM.createRoot(document.getElementById('graphiql'))
  .render(React.createElement(GraphiQL, { fetcher, defaultQuery }));
