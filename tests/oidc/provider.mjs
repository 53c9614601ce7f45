// A real OpenID Connect provider for the console's login test: the certified
// oidc-provider package with its own login and consent pages (devInteractions), one
// confidential client that must use PKCE, and test users whose ID token carries roles.
//
//   node provider.mjs <port> <redirect_uri> <client_id> <client_secret>
//
// Prints "ready <issuer>" when it listens on 127.0.0.1.
import Provider from 'oidc-provider';

const [port, redirectUri, clientId, clientSecret] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const USERS = {
  anna: { preferred_username: 'anna', name: 'Anna de Vries',
          groups: ['kcc-beheer', 'alle-medewerkers'] },
  bas: { preferred_username: 'bas', name: 'Bas Bakker',
         groups: ['kcc-medewerker'] },
  cor: { preferred_username: 'cor', name: 'Cor Comm',
         groups: ['communicatie'] },
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'groups'],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
  conformIdTokenClaims: false, // the roles in the ID token itself, as the console reads them
  cookies: { keys: ['console-oidc-test-only'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const user = USERS[id];
    if (!user) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...user }; } };
  },
});
provider.proxy = false;

provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
