// A real OpenID Connect provider for the tests: node-oidc-provider (a certified implementation)
// on 127.0.0.1, with a few accounts whose roles claim the tests set, a plain sign-in form, and
// clients that hand out deliberately broken ID tokens so the tests can see hoering refuse them.
//
//   node provider.mjs [PORT]     prints the issuer (http://127.0.0.1:PORT) on its first line;
//                                without PORT, on a free one
//
// Clients (secret "test-secret" each), by what their token endpoint returns:
//   hoering           the provider's own ID token
//   hoering-forged    the same claims signed with a key the provider never published
//   hoering-expired   the provider's key, but expired an hour ago
//   hoering-audience  the provider's key, but issued to another client
// Any redirect URI http://127.0.0.1:<port>/login/oidc/callback is accepted: the tests start
// hoering on a random port.
//
// POST /__test/roles with `account=…&roles=a,b` changes an account's roles claim (what an IT
// department does in Entra ID); only this test provider has it.

import http from 'node:http';
import Provider from 'oidc-provider';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair } from 'jose';

const accounts = {
  clerk: { email: 'sagsbehandler@kommune.example', name: 'Sara Sagsbehandler', roles: ['hoering-clerks'] },
  admin: { email: 'it@kommune.example', name: 'Ida Admin', roles: ['hoering-admins'] },
  member: { email: 'raadsmedlem@kommune.example', name: 'Rami Rådsmedlem', roles: ['ir-members'] },
  nobody: { email: 'anden@kommune.example', name: 'Nils Udenrolle', roles: ['all-staff'] },
};

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signing = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
// Same kid, a key nobody published: a forger's token.
const { privateKey: forgerKey } = await generateKeyPair('RS256');

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const client = (client_id) => ({
  client_id,
  client_secret: 'test-secret',
  redirect_uris: ['http://127.0.0.1/login/oidc/callback'],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_basic',
});

const provider = new Provider(issuer, {
  clients: ['hoering', 'hoering-forged', 'hoering-expired', 'hoering-audience'].map(client),
  jwks: { keys: [signing] },
  cookies: { keys: ['hoering-test-provider'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'roles'] },
  // Like Entra ID: the claims are in the ID token itself.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: account.email, email_verified: true, name: account.name, roles: account.roles };
      },
    };
  },
  // The municipality's own application: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

const { redirectUriAllowed } = provider.Client.prototype;
provider.Client.prototype.redirectUriAllowed = function anyLocalPort(uri) {
  try {
    const url = new URL(uri);
    if (url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.pathname === '/login/oidc/callback') {
      return true;
    }
  } catch {
    return false;
  }
  return redirectUriAllowed.call(this, uri);
};

const readForm = (req) =>
  new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

provider.use(async (ctx, next) => {
  const interaction = ctx.path.match(/^\/interaction\/([^/]+)(\/login)?$/);
  if (interaction && ctx.method === 'GET') {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    ctx.type = 'html';
    ctx.body = `<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>
<main><h1>Test identity provider: sign in</h1>
<form method="post" action="/interaction/${escape(details.uid)}/login">
<label for="login">Username</label> <input id="login" name="login" autofocus>
<button type="submit">Sign in</button></form></main></body></html>`;
    return;
  }
  if (interaction && interaction[2] && ctx.method === 'POST') {
    const form = await readForm(ctx.req);
    const login = form.get('login') ?? '';
    const result = accounts[login]
      ? { login: { accountId: login } }
      : { error: 'access_denied', error_description: 'unknown user' };
    const to = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.redirect(to);
    return;
  }
  if (ctx.path === '/__test/roles' && ctx.method === 'POST') {
    const form = await readForm(ctx.req);
    const account = accounts[form.get('account')];
    if (!account) {
      ctx.status = 404;
      return;
    }
    account.roles = (form.get('roles') ?? '').split(',').filter(Boolean);
    ctx.status = 204;
    return;
  }
  await next();
  const clientId = ctx.oidc?.client?.clientId;
  if (ctx.path === '/token' && ctx.status === 200 && ctx.body?.id_token && clientId !== 'hoering') {
    const claims = decodeJwt(ctx.body.id_token);
    const now = Math.floor(Date.now() / 1000);
    let key = privateKey;
    if (clientId === 'hoering-forged') key = forgerKey;
    if (clientId === 'hoering-expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
    if (clientId === 'hoering-audience') claims.aud = 'another-application';
    ctx.body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' }).sign(key);
  }
});

provider.on('server_error', (ctx, err) => console.error('provider error', err));
server.on('request', provider.callback());
console.log(issuer);
