// A real OpenID provider for the tests (npm `oidc-provider`), started by tests/oidc/__init__.py.
// Usage: node provider.mjs '<JSON: {"redirect_uris": [...]}>'; prints "listening <issuer>" once it answers.
// One confidential client with a fixed id and secret; the accounts below sign in with any password (the
// library's development login and consent pages).
import http from 'node:http';

import Provider from 'oidc-provider';

const { redirect_uris: redirectUris } = JSON.parse(process.argv[2] || '{}');

export const ACCOUNTS = {
  'anna': { email: 'anna.karimova@ministry.example', email_verified: true, name: 'Anna Karimova' },
  'bobur': { email: 'bobur@ministry.example', email_verified: false, name: 'Bobur Unverified' },
  'stranger': { email: 'stranger@ministry.example', email_verified: true, name: 'No Account' },
  'outsider': { email: 'someone@elsewhere.example', email_verified: true, name: 'Other Domain' },
};

let handler = (request, response) => { response.statusCode = 503; response.end(); };
const server = http.createServer((request, response) => handler(request, response));

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'portal-tests',
      client_secret: 'portal-tests-secret',
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false, // the ID token carries the e-mail claims, as Entra ID, Google and Keycloak do
    cookies: { keys: ['portal-tests-cookie-key'] },
    async findAccount(ctx, id) {
      if (!ACCOUNTS[id]) return undefined;
      return { accountId: id, async claims() { return { sub: id, ...ACCOUNTS[id] }; } };
    },
  });
  handler = provider.callback();
  console.log(`listening ${issuer}`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
