//! Staff sign-in through the municipality's identity provider (OpenID Connect): the
//! authorization code flow with PKCE, state and nonce. `openidconnect` checks the ID token's
//! signature against the provider's published keys, its issuer, audience, expiry and nonce; this
//! module keeps the flow between the two legs and says what the person may do.

use crate::config::ProviderSettings;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hoering::staff::Granted;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, ProviderMetadataWithLogout,
    RedirectUrl, Scope, TokenResponse,
};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The cookie that carries a sign-in from hoering to the provider and back.
pub const FLOW_COOKIE: &str = "hoering_oidc";
/// The time a person has at the provider (typing a password, answering MFA).
pub const FLOW_SECONDS: i64 = 10 * 60;
/// Where the provider sends the browser back.
pub const CALLBACK_PATH: &str = "/login/oidc/callback";
/// The provider's description and keys are fetched again after this long (keys rotate).
const DISCOVERY_TTL: Duration = Duration::from_secs(60 * 60);

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How staff sign in on this installation.
pub struct SignIn {
    /// Passwords kept by hoering.
    pub local: bool,
    pub provider: Option<Provider>,
}

/// The municipality's identity provider, as hoering's client of it.
pub struct Provider {
    settings: ProviderSettings,
    redirect: RedirectUrl,
    http: openidconnect::reqwest::Client,
    discovered: tokio::sync::Mutex<Option<Discovered>>,
}

#[derive(Clone)]
struct Discovered {
    client: Arc<Client>,
    end_session: Option<String>,
    at: Instant,
}

/// What the browser keeps while the person is at the provider: the state, nonce and PKCE
/// verifier of this one attempt, and the page to go on to. In an HttpOnly cookie scoped to the
/// callback, so the provider's answer is only taken in the browser that asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    state: String,
    nonce: String,
    verifier: String,
    pub next: String,
}

impl Flow {
    pub fn encode(&self) -> String {
        format!(
            "{}.{}.{}.{}",
            self.state,
            self.nonce,
            self.verifier,
            URL_SAFE_NO_PAD.encode(&self.next)
        )
    }

    pub fn decode(text: &str) -> Option<Flow> {
        let mut parts = text.split('.');
        let (state, nonce, verifier, next) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || [state, nonce, verifier].iter().any(|p| p.is_empty()) {
            return None;
        }
        let next = String::from_utf8(URL_SAFE_NO_PAD.decode(next).ok()?).ok()?;
        Some(Flow {
            state: state.into(),
            nonce: nonce.into(),
            verifier: verifier.into(),
            next,
        })
    }
}

/// What the provider said when the browser came back (`?code=…&state=…` or `?error=…`).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Callback {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    /// The issuer of the answer (RFC 9207), when the provider names it.
    pub iss: Option<String>,
}

/// The person the provider vouched for.
#[derive(Debug, Clone)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub email: String,
    pub name: Option<String>,
    /// `None`: none of the person's roles or groups is mapped to hoering's.
    pub granted: Option<Granted>,
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("the identity provider could not be reached or described itself wrongly")]
    Unavailable(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error(
        "the answer did not belong to a sign-in this browser started (expired, another browser, or forged)"
    )]
    State,
    #[error("the identity provider said no: {0}")]
    Denied(String),
    #[error("the code could not be exchanged for tokens")]
    Exchange(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("the ID token was refused")]
    Token(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("the ID token names no e-mail address")]
    NoEmail,
}

impl SignInError {
    /// The code the login page explains.
    pub fn code(&self) -> &'static str {
        match self {
            SignInError::Unavailable(_) => "oidc_unavailable",
            SignInError::State => "oidc_state",
            SignInError::Denied(_) => "oidc_denied",
            SignInError::Exchange(_) | SignInError::Token(_) | SignInError::NoEmail => {
                "oidc_failed"
            }
        }
    }
}

fn boxed(
    e: impl std::error::Error + Send + Sync + 'static,
) -> Box<dyn std::error::Error + Send + Sync> {
    Box::new(e)
}

impl Provider {
    /// `site_url`: where readers reach hoering (the callback is under it).
    pub fn new(settings: ProviderSettings, site_url: &str) -> Result<Self, SignInError> {
        let redirect = RedirectUrl::new(format!("{site_url}{CALLBACK_PATH}"))
            .map_err(|e| SignInError::Unavailable(boxed(e)))?;
        // No redirects: a token endpoint that redirects is refused, not followed (the client
        // secret must only go where the discovery said).
        let http = openidconnect::reqwest::Client::builder()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(15))
            .build()
            .map_err(|e| SignInError::Unavailable(boxed(e)))?;
        Ok(Self {
            settings,
            redirect,
            http,
            discovered: tokio::sync::Mutex::new(None),
        })
    }

    /// The provider's name on the login button.
    pub fn name(&self) -> &str {
        &self.settings.name
    }

    /// The configured issuer: the only host hoering sends a browser to for signing in.
    pub fn issuer(&self) -> &str {
        &self.settings.issuer
    }

    /// The provider's description and keys, fetched when first needed and again after an hour,
    /// so hoering starts even while the provider is down.
    async fn discovered(&self) -> Result<Discovered, SignInError> {
        let mut cached = self.discovered.lock().await;
        if let Some(d) = cached.as_ref().filter(|d| d.at.elapsed() < DISCOVERY_TTL) {
            return Ok(d.clone());
        }
        let issuer = IssuerUrl::new(self.settings.issuer.clone())
            .map_err(|e| SignInError::Unavailable(boxed(e)))?;
        let metadata = ProviderMetadataWithLogout::discover_async(issuer, &self.http)
            .await
            .map_err(|e| SignInError::Unavailable(boxed(e)))?;
        let end_session = metadata
            .additional_metadata()
            .end_session_endpoint
            .as_ref()
            .map(|u| u.url().to_string());
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.settings.client_id.clone()),
            Some(ClientSecret::new(
                self.settings.client_secret.expose().to_string(),
            )),
        )
        .set_redirect_uri(self.redirect.clone());
        let d = Discovered {
            client: Arc::new(client),
            end_session,
            at: Instant::now(),
        };
        *cached = Some(d.clone());
        Ok(d)
    }

    /// Where to send the browser to sign in, and the flow to keep in its cookie.
    pub async fn begin(&self, next: String) -> Result<(String, Flow), SignInError> {
        let d = self.discovered().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = d
            .client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let flow = Flow {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
            next,
        };
        Ok((url.to_string(), flow))
    }

    /// Checks the provider's answer against this browser's flow, exchanges the code and checks
    /// the ID token; the person it names, with what the role mapping grants them.
    pub async fn finish(
        &self,
        callback: Callback,
        flow: Option<Flow>,
    ) -> Result<Identity, SignInError> {
        let flow = flow.ok_or(SignInError::State)?;
        let state_matches = callback
            .state
            .as_deref()
            .is_some_and(|s| crate::token::constant_time_eq(s, &flow.state));
        if !state_matches {
            return Err(SignInError::State);
        }
        if let Some(error) = callback.error {
            return Err(SignInError::Denied(error));
        }
        // RFC 9207: an answer naming another issuer is a mix-up attack.
        if callback
            .iss
            .as_deref()
            .is_some_and(|iss| iss != self.settings.issuer)
        {
            return Err(SignInError::State);
        }
        let code = callback.code.ok_or(SignInError::State)?;
        let d = self.discovered().await?;
        let tokens = d
            .client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| SignInError::Exchange(boxed(e)))?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| SignInError::Exchange(boxed(e)))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| SignInError::Token("the token response has no ID token".into()))?;
        let claims = id_token
            .claims(&d.client.id_token_verifier(), &Nonce::new(flow.nonce))
            .map_err(|e| SignInError::Token(boxed(e)))?;
        let email = claims
            .email()
            .map(|e| e.as_str().to_string())
            // Entra ID without an e-mail claim: the sign-in name is the address.
            .or_else(|| {
                claims
                    .preferred_username()
                    .map(|u| u.as_str().to_string())
                    .filter(|u| u.contains('@'))
            })
            .map(|e| e.trim().to_lowercase())
            .filter(|e| hoering::response::Email::parse(e).is_ok())
            .ok_or(SignInError::NoEmail)?;
        let name = claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().trim().to_string())
            .filter(|n| !n.is_empty());
        // The roles claim is the provider's own: read from the token whose signature and
        // claims were just checked, so it is as trustworthy as the rest.
        let values = claim_values(&id_token.to_string(), &self.settings.roles_claim);
        Ok(Identity {
            issuer: self.settings.issuer.clone(),
            subject: claims.subject().as_str().to_string(),
            email,
            name,
            granted: self.settings.roles.resolve(&values),
        })
    }

    /// The provider's end-session address for this client, when it has one.
    pub async fn end_session(&self) -> Option<String> {
        let d = self.discovered().await.ok()?;
        let mut url = openidconnect::url::Url::parse(d.end_session.as_deref()?).ok()?;
        url.query_pairs_mut()
            .append_pair("client_id", &self.settings.client_id);
        Some(url.to_string())
    }
}

/// The string values of one claim in a JWT's payload: a string or an array of strings.
fn claim_values(jwt: &str, claim: &str) -> Vec<String> {
    let payload = jwt
        .split('.')
        .nth(1)
        .and_then(|p| URL_SAFE_NO_PAD.decode(p).ok())
        .and_then(|p| serde_json::from_slice::<serde_json::Value>(&p).ok());
    match payload.as_ref().and_then(|p| p.get(claim)) {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flow_survives_its_cookie_and_a_tampered_one_does_not_parse() {
        let flow = Flow {
            state: "s-1_x".into(),
            nonce: "n2".into(),
            verifier: "v3".into(),
            next: "/admin/hoeringer/integrationspolitik?vis=alle".into(),
        };
        assert_eq!(Flow::decode(&flow.encode()), Some(flow.clone()));
        for bad in ["", "a.b.c", "a.b.c.d.e", ".b.c.", "a.b.c.%%%"] {
            assert_eq!(Flow::decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_roles_claim_is_read_as_a_string_or_a_list() {
        let jwt = |payload: &str| format!("h.{}.s", URL_SAFE_NO_PAD.encode(payload));
        assert_eq!(
            claim_values(&jwt(r#"{"roles":["a","b",3]}"#), "roles"),
            vec!["a", "b"]
        );
        assert_eq!(claim_values(&jwt(r#"{"groups":"g"}"#), "groups"), vec!["g"]);
        assert!(claim_values(&jwt(r#"{"roles":{}}"#), "roles").is_empty());
        assert!(claim_values("not-a-jwt", "roles").is_empty());
    }
}
