//! Configuration: defaults, then `HOERING_*` environment variables, then command-line flags.
//!
//! Every setting is listed in [`VARIABLES`], which the README repeats; unknown `HOERING_*`
//! variables are reported at start-up, since a typo there would otherwise silently do nothing.

use std::fmt;
use std::net::SocketAddr;

/// The environment variables hoering reads, with their meaning.
pub const VARIABLES: &[(&str, &str)] = &[
    (
        "HOERING_DATABASE_URL",
        "sqlite://data/hoering.db (default) or postgres://user@host/db",
    ),
    (
        "HOERING_ADDR",
        "address to listen on, default 127.0.0.1:3000",
    ),
    (
        "HOERING_SITE_ROOT",
        "folder with the built browser files (pkg/), default target/site",
    ),
    (
        "HOERING_DEMO",
        "1 to load the demo hearing and demo clerk on first start",
    ),
    (
        "HOERING_LOG",
        "log filter, e.g. info or hoering=debug, default info",
    ),
    (
        "HOERING_RESPONSES_PER_HOUR",
        "høringssvar accepted per client address and hearing in an hour, default 60; 0 = no limit",
    ),
    (
        "HOERING_TRUSTED_PROXY",
        "the address of the reverse proxy in front of hoering; only its X-Forwarded-For is believed",
    ),
    (
        "HOERING_CLOSING_DAYS",
        "the municipality's closing days beyond the national holidays, e.g. 2026-05-15,2026-12-28",
    ),
    (
        "HOERING_PUBLIC_URL",
        "the address readers use, e.g. https://hoering.roskilde.dk; https:// turns on Secure cookies and HSTS",
    ),
    (
        "HOERING_MUNICIPALITY",
        "the municipality's name, shown in every page's header and signing every e-mail, default Kommunen (the demo: Roskilde Kommune)",
    ),
    (
        "HOERING_BRAND_COLOUR",
        "the municipality's colour for the header and buttons, #rrggbb; refused if white text on it is below 4.5:1 contrast",
    ),
    (
        "HOERING_LOGO",
        "an SVG or PNG file with the municipality's logo, shown in the header (at most 512 KB)",
    ),
    (
        "HOERING_ICON",
        "an SVG or PNG file with the municipality's icon, shown in the browser's tab (/favicon.ico; at most 512 KB); unset: a speech bubble in the municipality's colour",
    ),
    (
        "HOERING_CONTACT",
        "one line in every page's footer: who to contact, e.g. Rådhusbuen 1, 4000 Roskilde · 4631 3000 · kommunen@roskilde.dk",
    ),
    (
        "HOERING_FOOTER_LINKS",
        "links in every page's footer, Label=https://…|Label=/path, e.g. the accessibility statement",
    ),
    (
        "HOERING_SMTP_URL",
        "the mail server, e.g. smtps://user:password@smtp.example.dk or smtp://host:25?tls=required; unset: mail waits in the outbox (/admin/post)",
    ),
    (
        "HOERING_MAIL_FROM",
        "the sender of every e-mail, e.g. Roskilde Kommune <hoering@roskilde.dk>; required with HOERING_SMTP_URL",
    ),
    (
        "HOERING_JOURNAL_PATTERN",
        "journal numbers of received responses, from {case} (the hearing's case number), {year} and the running number {n} or {n:04}; default {case}-{n:04}",
    ),
    (
        "HOERING_MAIL_RETRY_SECONDS",
        "the wait before the first retry of a message the mail server did not take, doubling up to an hour, default 60",
    ),
    (
        "HOERING_CLAMD",
        "the virus scanner files sent with a response go through: unix:/run/clamav/clamd.ctl or tcp://127.0.0.1:3310; off (the default) keeps every file in quarantine, for clerks only, marked as not scanned",
    ),
    (
        "HOERING_OIDC_ISSUER",
        "the municipality's identity provider for staff sign-in (OpenID Connect), e.g. https://login.microsoftonline.com/<tenant id>/v2.0; unset: passwords only",
    ),
    (
        "HOERING_OIDC_CLIENT_ID",
        "hoering's application (client) id at the identity provider",
    ),
    (
        "HOERING_OIDC_CLIENT_SECRET",
        "hoering's client secret at the identity provider",
    ),
    (
        "HOERING_OIDC_NAME",
        "the provider's name on the login button (\"Log ind med …\"), default the municipality's name",
    ),
    (
        "HOERING_OIDC_ROLES",
        "which values of the roles claim make whom what: value=admin, value=clerk, value=council:<council slug>, separated by commas; a person with none of them cannot sign in",
    ),
    (
        "HOERING_OIDC_ROLES_CLAIM",
        "the ID token's claim that holds those values, default roles (Entra ID's app roles; groups for group ids)",
    ),
    (
        "HOERING_LOCAL_LOGIN",
        "on (the default) or off: off leaves only the identity provider's sign-in (needs HOERING_OIDC_ISSUER)",
    ),
    (
        "HOERING_RETENTION_MONTHS",
        "how long senders' names and e-mail addresses are kept, in months after the Byråd's decision (or after the hearing when there is none): the default first, then the other choices a clerk may pick per hearing, default 24,12,36,60",
    ),
    (
        "HOERING_DPO_CONTACT",
        "the data-protection officer's contact on the privacy notice (/privatliv), e.g. Databeskyttelsesrådgiver, dpo@roskilde.dk, 4631 3000",
    ),
    (
        "HOERING_ACCESSIBILITY_URL",
        "the site's accessibility statement (on was.digst.dk), linked from every page's footer",
    ),
    (
        "HOERING_FILES",
        "the folder files sent with responses are kept in (named by their SHA-256), default data/files",
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}: {1}")]
    Brand(&'static str, #[source] hoering::branding::BrandError),
    #[error("{setting}: {path} {reason}")]
    Logo {
        setting: &'static str,
        path: String,
        reason: String,
    },
    #[error("HOERING_ADDR is not a socket address like 127.0.0.1:3000: {0:?}")]
    Addr(String),
    #[error("the database URL must start with sqlite:// or postgres:// (got a URL starting {0:?})")]
    DatabaseScheme(String),
    #[error("HOERING_PUBLIC_URL must start with http:// or https:// (got {0:?})")]
    PublicUrl(String),
    #[error("{0} must be a whole number (got {1:?})")]
    Number(&'static str, String),
    #[error("HOERING_TRUSTED_PROXY must be an IP address like 10.0.0.2 (got {0:?})")]
    TrustedProxy(String),
    #[error("HOERING_JOURNAL_PATTERN is not a journal-number pattern ({1}): {0:?}")]
    JournalPattern(String, #[source] hoering::notat::JournalPatternError),
    #[error("HOERING_SMTP_URL must start with smtp:// or smtps://")]
    SmtpScheme,
    #[error("HOERING_MAIL_FROM is required when HOERING_SMTP_URL is set")]
    MailFrom,
    #[error("HOERING_CLOSING_DAYS must be dates like 2026-05-15, separated by commas (got {0:?})")]
    ClosingDay(String),
    #[error("HOERING_CLAMD must be unix:/path, tcp://host:port or off (got {0:?})")]
    Clamd(String),
    #[error("{0} is required when HOERING_OIDC_ISSUER is set")]
    OidcMissing(&'static str),
    #[error(
        "HOERING_OIDC_ISSUER must be an https:// address (http:// only on 127.0.0.1), got {0:?}"
    )]
    OidcIssuer(String),
    #[error("HOERING_OIDC_ROLES: {0}")]
    OidcRoles(#[source] hoering::staff::RoleMapError),
    #[error("HOERING_LOCAL_LOGIN must be on or off (got {0:?})")]
    LocalLogin(String),
    #[error("HOERING_LOCAL_LOGIN=off needs HOERING_OIDC_ISSUER: nobody could sign in")]
    NoSignIn,
    #[error("HOERING_RETENTION_MONTHS: {0}")]
    Retention(#[source] hoering::privacy::retention::RetentionError),
    #[error("HOERING_ACCESSIBILITY_URL must be an https:// address (got {0:?})")]
    AccessibilityUrl(String),
}

/// A database URL whose `Debug`/`Display` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, ConfigError> {
        let url = url.trim();
        if url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://")
        {
            Ok(Self(url.to_string()))
        } else {
            Err(ConfigError::DatabaseScheme(url.chars().take(12).collect()))
        }
    }
    pub fn is_sqlite(&self) -> bool {
        self.0.starts_with("sqlite:")
    }
    /// The real URL, for the driver only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // postgres://user:secret@host/db -> postgres://user:***@host/db
        match (self.0.find("://"), self.0.rfind('@')) {
            (Some(scheme_end), Some(at)) if at > scheme_end => {
                let creds = &self.0[scheme_end + 3..at];
                match creds.find(':') {
                    Some(colon) => write!(
                        f,
                        "{}{}:***{}",
                        &self.0[..scheme_end + 3],
                        &creds[..colon],
                        &self.0[at..]
                    ),
                    None => f.write_str(&self.0),
                }
            }
            _ => f.write_str(&self.0),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

/// The mail server's URL, whose `Debug`/`Display` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl(DatabaseUrl);

impl SmtpUrl {
    pub fn parse(url: &str) -> Result<Self, ConfigError> {
        let url = url.trim();
        if url.starts_with("smtp://") || url.starts_with("smtps://") {
            Ok(Self(DatabaseUrl(url.to_string())))
        } else {
            Err(ConfigError::SmtpScheme)
        }
    }
    /// The real URL, for the transport only.
    pub fn expose(&self) -> &str {
        self.0.expose()
    }
}

impl fmt::Display for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SmtpUrl({self})")
    }
}

/// How e-mail leaves: through a mail server, or not at all (kept in the outbox).
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// Signs every message.
    pub municipality: String,
    pub smtp: Option<SmtpUrl>,
    pub from: Option<String>,
    pub retry_seconds: u64,
}

impl Default for MailConfig {
    fn default() -> Self {
        Self {
            municipality: "Kommunen".into(),
            smtp: None,
            from: None,
            retry_seconds: 60,
        }
    }
}

/// The municipality's look: colour, logo, contact line and footer links.
#[derive(Debug, Clone, Default)]
pub struct Branding {
    pub colour: Option<hoering::branding::BrandColour>,
    pub logo: Option<Logo>,
    /// The browser tab's icon (`HOERING_ICON`); `None`: the default icon.
    pub icon: Option<Logo>,
    pub contact: String,
    pub links: Vec<hoering::branding::FooterLink>,
}

/// A logo file read at start-up.
#[derive(Clone)]
pub struct Logo {
    pub content_type: &'static str,
    pub bytes: std::sync::Arc<[u8]>,
}

impl fmt::Debug for Logo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Logo({}, {} bytes)", self.content_type, self.bytes.len())
    }
}

/// The largest logo file: a logo is a few kilobytes; this keeps a mistaken photo out.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

impl Branding {
    fn from_env(env: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let set = |name: &str| {
            env(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let colour = match set("HOERING_BRAND_COLOUR") {
            Some(c) => Some(
                hoering::branding::BrandColour::parse(&c)
                    .map_err(|e| ConfigError::Brand("HOERING_BRAND_COLOUR", e))?,
            ),
            None => None,
        };
        let logo = match set("HOERING_LOGO") {
            Some(path) => Some(read_logo("HOERING_LOGO", &path)?),
            None => None,
        };
        let icon = match set("HOERING_ICON") {
            Some(path) => Some(read_logo("HOERING_ICON", &path)?),
            None => None,
        };
        let links = match set("HOERING_FOOTER_LINKS") {
            Some(l) => hoering::branding::parse_links(&l)
                .map_err(|e| ConfigError::Brand("HOERING_FOOTER_LINKS", e))?,
            None => Vec::new(),
        };
        Ok(Branding {
            colour,
            logo,
            icon,
            contact: set("HOERING_CONTACT").unwrap_or_default(),
            links,
        })
    }
}

/// A logo or icon file (`setting` names it in an error).
fn read_logo(setting: &'static str, path: &str) -> Result<Logo, ConfigError> {
    let refuse = |reason: &str| ConfigError::Logo {
        setting,
        path: path.to_string(),
        reason: reason.to_string(),
    };
    let bytes = std::fs::read(path).map_err(|e| refuse(&format!("cannot be read: {e}")))?;
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(refuse("is larger than 512 KB"));
    }
    // By content, not by name: a renamed file of another kind is refused.
    let content_type = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if std::str::from_utf8(&bytes).is_ok_and(|t| t.contains("<svg")) {
        "image/svg+xml"
    } else {
        return Err(refuse("is neither SVG nor PNG"));
    };
    Ok(Logo {
        content_type,
        bytes: bytes.into(),
    })
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub addr: SocketAddr,
    pub site_root: String,
    pub demo: bool,
    pub log: String,
    /// Where readers reach the site; `None` when only served locally.
    pub public_url: Option<String>,
    /// Responses accepted per client address and hearing in an hour (0: no limit).
    pub responses_per_hour: u32,
    /// The reverse proxy whose `X-Forwarded-For` names the real client.
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// The municipality's closing days beyond the national holidays (working-day deadlines
    /// skip them).
    pub closing_days: Vec<jiff::civil::Date>,
    pub mail: MailConfig,
    /// How a received response's journal number is written.
    pub journal_pattern: hoering::notat::JournalPattern,
    pub branding: Branding,
    /// Where files sent with responses are scanned, kept and read.
    pub files: crate::attachment::Settings,
    /// How staff sign in: passwords, the municipality's identity provider, or both.
    pub sign_in: SignInConfig,
    /// How long personal data is kept, and who answers for it.
    pub privacy: Privacy,
}

/// What the privacy notice and the retention rule need (`HOERING_RETENTION_MONTHS`,
/// `HOERING_DPO_CONTACT`, `HOERING_ACCESSIBILITY_URL`).
#[derive(Debug, Clone, Default)]
pub struct Privacy {
    pub retention: hoering::privacy::retention::RetentionChoices,
    /// The data-protection officer's contact line; empty: the notice points to the contact line.
    pub dpo: String,
    pub accessibility_url: Option<String>,
}

impl Privacy {
    fn from_env(env: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let set = |name: &str| {
            env(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let retention = match set("HOERING_RETENTION_MONTHS") {
            Some(text) => hoering::privacy::retention::RetentionChoices::parse(&text)
                .map_err(ConfigError::Retention)?,
            None => Default::default(),
        };
        let accessibility_url = match set("HOERING_ACCESSIBILITY_URL") {
            Some(url) if url.starts_with("https://") && !url.contains(char::is_whitespace) => {
                Some(url)
            }
            Some(url) => return Err(ConfigError::AccessibilityUrl(url)),
            None => None,
        };
        Ok(Self {
            retention,
            dpo: set("HOERING_DPO_CONTACT").unwrap_or_default(),
            accessibility_url,
        })
    }
}

/// How staff sign in (`HOERING_OIDC_*`, `HOERING_LOCAL_LOGIN`).
#[derive(Debug, Clone)]
pub struct SignInConfig {
    /// Passwords kept by hoering (small installations, the demo).
    pub local: bool,
    pub provider: Option<ProviderSettings>,
}

impl Default for SignInConfig {
    fn default() -> Self {
        Self {
            local: true,
            provider: None,
        }
    }
}

/// The municipality's OpenID Connect provider.
#[derive(Debug, Clone)]
pub struct ProviderSettings {
    /// Without a trailing slash unless the provider's own issuer has one (compared exactly).
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Secret,
    /// On the login button: "Log ind med {name}".
    pub name: String,
    pub roles: hoering::staff::RoleMap,
    pub roles_claim: String,
}

/// A secret whose `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }
    /// The real value, for the provider's token endpoint only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl SignInConfig {
    fn from_env(
        env: &impl Fn(&str) -> Option<String>,
        municipality: &str,
    ) -> Result<Self, ConfigError> {
        let set = |name: &str| {
            env(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let local = match set("HOERING_LOCAL_LOGIN").as_deref() {
            None | Some("on") => true,
            Some("off") => false,
            Some(other) => return Err(ConfigError::LocalLogin(other.to_string())),
        };
        let provider = match set("HOERING_OIDC_ISSUER") {
            None => None,
            Some(issuer) => {
                let local_http = issuer.starts_with("http://127.0.0.1:")
                    || issuer.starts_with("http://localhost:");
                if !issuer.starts_with("https://") && !local_http {
                    return Err(ConfigError::OidcIssuer(issuer));
                }
                let required = |name: &'static str| set(name).ok_or(ConfigError::OidcMissing(name));
                Some(ProviderSettings {
                    issuer,
                    client_id: required("HOERING_OIDC_CLIENT_ID")?,
                    client_secret: Secret(required("HOERING_OIDC_CLIENT_SECRET")?),
                    name: set("HOERING_OIDC_NAME").unwrap_or_else(|| municipality.to_string()),
                    roles: hoering::staff::RoleMap::parse(&required("HOERING_OIDC_ROLES")?)
                        .map_err(ConfigError::OidcRoles)?,
                    roles_claim: set("HOERING_OIDC_ROLES_CLAIM").unwrap_or_else(|| "roles".into()),
                })
            }
        };
        if !local && provider.is_none() {
            return Err(ConfigError::NoSignIn);
        }
        Ok(Self { local, provider })
    }
}

impl MailConfig {
    fn from_env(env: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let demo = env("HOERING_DEMO").is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"));
        let defaults = Self::default();
        let smtp = match env("HOERING_SMTP_URL").filter(|u| !u.trim().is_empty()) {
            Some(u) => Some(SmtpUrl::parse(&u)?),
            None => None,
        };
        let from = env("HOERING_MAIL_FROM")
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty());
        if smtp.is_some() && from.is_none() {
            return Err(ConfigError::MailFrom);
        }
        Ok(Self {
            municipality: env("HOERING_MUNICIPALITY")
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| {
                    if demo {
                        "Roskilde Kommune".into()
                    } else {
                        defaults.municipality
                    }
                }),
            smtp,
            from,
            retry_seconds: match env("HOERING_MAIL_RETRY_SECONDS") {
                Some(n) => n
                    .trim()
                    .parse()
                    .map_err(|_| ConfigError::Number("HOERING_MAIL_RETRY_SECONDS", n))?,
                None => defaults.retry_seconds,
            },
        })
    }
}

impl Config {
    /// The working-day calendar deadlines are counted in.
    pub fn calendar(&self) -> hoering::calendar::Calendar {
        hoering::calendar::Calendar::national().with_closing_days(self.closing_days.iter().copied())
    }

    pub const DEFAULT_DATABASE_URL: &'static str = "sqlite://data/hoering.db";
    pub const DEFAULT_ADDR: &'static str = "127.0.0.1:3000";
    pub const DEFAULT_JOURNAL_PATTERN: &'static str = "{case}-{n:04}";

    /// Defaults overlaid with `HOERING_*` variables from `env`; flags are applied by the caller.
    pub fn from_env(env: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let database_url = DatabaseUrl::parse(
            &env("HOERING_DATABASE_URL").unwrap_or_else(|| Self::DEFAULT_DATABASE_URL.into()),
        )?;
        let addr_text = env("HOERING_ADDR").unwrap_or_else(|| Self::DEFAULT_ADDR.into());
        let addr = addr_text
            .parse()
            .map_err(|_| ConfigError::Addr(addr_text))?;
        Ok(Self {
            database_url,
            addr,
            site_root: env("HOERING_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            demo: env("HOERING_DEMO").is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes")),
            log: env("HOERING_LOG").unwrap_or_else(|| "info".into()),
            public_url: match env("HOERING_PUBLIC_URL")
                .map(|u| u.trim().trim_end_matches('/').to_string())
            {
                Some(u) if u.starts_with("https://") || u.starts_with("http://") => Some(u),
                Some(u) if u.is_empty() => None,
                Some(u) => return Err(ConfigError::PublicUrl(u)),
                None => None,
            },
            responses_per_hour: match env("HOERING_RESPONSES_PER_HOUR") {
                Some(n) => n
                    .trim()
                    .parse()
                    .map_err(|_| ConfigError::Number("HOERING_RESPONSES_PER_HOUR", n))?,
                None => RESPONSES_PER_CLIENT_HOUR,
            },
            trusted_proxy: match env("HOERING_TRUSTED_PROXY") {
                Some(ip) => Some(
                    ip.trim()
                        .parse()
                        .map_err(|_| ConfigError::TrustedProxy(ip))?,
                ),
                None => None,
            },
            closing_days: env("HOERING_CLOSING_DAYS")
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(|d| {
                    d.parse()
                        .map_err(|_| ConfigError::ClosingDay(d.to_string()))
                })
                .collect::<Result<_, _>>()?,
            mail: MailConfig::from_env(&env)?,
            sign_in: SignInConfig::from_env(&env, &MailConfig::from_env(&env)?.municipality)?,
            journal_pattern: {
                let text = env("HOERING_JOURNAL_PATTERN")
                    .filter(|p| !p.trim().is_empty())
                    .unwrap_or_else(|| Self::DEFAULT_JOURNAL_PATTERN.into());
                hoering::notat::JournalPattern::parse(text.trim())
                    .map_err(|e| ConfigError::JournalPattern(text.clone(), e))?
            },
            branding: Branding::from_env(&env)?,
            privacy: Privacy::from_env(&env)?,
            files: crate::attachment::Settings {
                clamd: match env("HOERING_CLAMD").filter(|c| !c.trim().is_empty()) {
                    Some(c) => {
                        crate::attachment::scan::Clamd::parse(&c).map_err(ConfigError::Clamd)?
                    }
                    None => crate::attachment::scan::Clamd::Off,
                },
                folder: env("HOERING_FILES")
                    .filter(|f| !f.trim().is_empty())
                    .unwrap_or_else(|| "data/files".into())
                    .into(),
                reader: crate::attachment::Settings::this_program(),
            },
        })
    }

    /// The mail settings when a mail server is configured.
    pub fn smtp(&self) -> Option<SmtpSettings> {
        let url = self.mail.smtp.clone()?;
        Some(SmtpSettings {
            url,
            from: self.mail.from.clone().unwrap_or_default(),
            retry_seconds: self.mail.retry_seconds,
        })
    }

    /// Where readers reach the site: `HOERING_PUBLIC_URL`, else the server's own address.
    pub fn site_url(&self, addr: SocketAddr) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{addr}"))
    }

    /// Whether readers reach the site over HTTPS.
    pub fn https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }

    pub fn set_addr(&mut self, addr: &str) -> Result<(), ConfigError> {
        self.addr = addr
            .parse()
            .map_err(|_| ConfigError::Addr(addr.to_string()))?;
        Ok(())
    }
}

/// `HOERING_*` variables in the environment that hoering does not know.
pub fn unknown_variables(vars: impl Iterator<Item = String>) -> Vec<String> {
    vars.filter(|k| k.starts_with("HOERING_"))
        .filter(|k| !VARIABLES.iter().any(|(known, _)| known == k))
        .collect()
}

/// How the sender reaches the mail server.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub url: SmtpUrl,
    pub from: String,
    /// The first retry waits this long; each later one twice as long, up to an hour.
    pub retry_seconds: u64,
}

/// A library's shared computer may send many responses to one hearing in an hour; a script
/// sends thousands. The default of `HOERING_RESPONSES_PER_HOUR`.
pub const RESPONSES_PER_CLIENT_HOUR: u32 = 60;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_url_hides_password() {
        let url = DatabaseUrl::parse("postgres://hoering:hunter2@db.example/hoering").unwrap();
        assert_eq!(url.to_string(), "postgres://hoering:***@db.example/hoering");
        assert!(!format!("{url:?}").contains("hunter2"));
    }

    #[test]
    fn defaults_and_overrides() {
        let cfg = Config::from_env(|_| None).unwrap();
        assert!(cfg.database_url.is_sqlite());
        assert_eq!(cfg.addr.to_string(), "127.0.0.1:3000");
        let cfg =
            Config::from_env(|k| (k == "HOERING_ADDR").then(|| "0.0.0.0:8080".into())).unwrap();
        assert_eq!(cfg.addr.port(), 8080);
        assert!(
            Config::from_env(|k| (k == "HOERING_DATABASE_URL").then(|| "mysql://x".into()))
                .is_err()
        );
        assert!(!cfg.https());
        let cfg = Config::from_env(|k| {
            (k == "HOERING_PUBLIC_URL").then(|| "https://hoering.roskilde.dk/".into())
        })
        .unwrap();
        assert!(cfg.https());
        assert_eq!(
            cfg.public_url.as_deref(),
            Some("https://hoering.roskilde.dk")
        );
        assert!(
            Config::from_env(|k| (k == "HOERING_PUBLIC_URL").then(|| "hoering.dk".into())).is_err()
        );
        assert_eq!(cfg.responses_per_hour, 60);
        let cfg = Config::from_env(|k| match k {
            "HOERING_RESPONSES_PER_HOUR" => Some("0".into()),
            "HOERING_TRUSTED_PROXY" => Some("10.0.0.2".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(cfg.responses_per_hour, 0);
        assert_eq!(cfg.trusted_proxy, Some("10.0.0.2".parse().unwrap()));
        assert!(
            Config::from_env(|k| (k == "HOERING_TRUSTED_PROXY").then(|| "proxy".into())).is_err()
        );
    }

    #[test]
    fn staff_sign_in_through_a_provider_is_configured_whole_or_refused() {
        let entra = |extra: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                let base = [
                    (
                        "HOERING_OIDC_ISSUER",
                        "https://login.microsoftonline.com/tenant/v2.0",
                    ),
                    ("HOERING_OIDC_CLIENT_ID", "app-id"),
                    ("HOERING_OIDC_CLIENT_SECRET", "s3cret-value"),
                    ("HOERING_OIDC_ROLES", "Hoering.Clerk=clerk"),
                    ("HOERING_MUNICIPALITY", "Roskilde Kommune"),
                ];
                extra
                    .iter()
                    .chain(base.iter())
                    .find(|(name, _)| *name == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let cfg = Config::from_env(entra(&[])).unwrap();
        assert!(cfg.sign_in.local, "passwords stay on unless turned off");
        let provider = cfg.sign_in.provider.expect("a provider");
        assert_eq!(provider.name, "Roskilde Kommune");
        assert_eq!(provider.roles_claim, "roles");
        assert!(
            !format!("{provider:?}").contains("s3cret-value"),
            "the secret is never logged"
        );

        let off = Config::from_env(entra(&[("HOERING_LOCAL_LOGIN", "off")])).unwrap();
        assert!(!off.sign_in.local);
        for (bad, why) in [
            (&[("HOERING_OIDC_CLIENT_ID", " ")][..], "OidcMissing"),
            (
                &[("HOERING_OIDC_ROLES", "Hoering.Clerk=boss")][..],
                "OidcRoles",
            ),
            (
                &[("HOERING_OIDC_ISSUER", "http://login.example/tenant")][..],
                "OidcIssuer",
            ),
            (&[("HOERING_LOCAL_LOGIN", "nej")][..], "LocalLogin"),
        ] {
            let err = Config::from_env(entra(bad)).unwrap_err();
            assert!(format!("{err:?}").starts_with(why), "{err:?}");
        }
        // Passwords off with no provider would let nobody in.
        let err =
            Config::from_env(|k| (k == "HOERING_LOCAL_LOGIN").then(|| "off".into())).unwrap_err();
        assert!(matches!(err, ConfigError::NoSignIn));
    }

    #[test]
    fn retention_and_the_privacy_notice_are_configured_or_refused() {
        let cfg = Config::from_env(|_| None).unwrap();
        assert_eq!(cfg.privacy.retention.default_months().get(), 24);
        assert_eq!(cfg.privacy.accessibility_url, None);
        let cfg = Config::from_env(|k| match k {
            "HOERING_RETENTION_MONTHS" => Some("36, 12".into()),
            "HOERING_DPO_CONTACT" => Some(" dpo@roskilde.dk ".into()),
            "HOERING_ACCESSIBILITY_URL" => {
                Some("https://www.was.digst.dk/hoering-roskilde-dk".into())
            }
            _ => None,
        })
        .unwrap();
        assert_eq!(cfg.privacy.retention.default_months().get(), 36);
        assert_eq!(cfg.privacy.retention.all().len(), 2);
        assert_eq!(cfg.privacy.dpo, "dpo@roskilde.dk");
        assert!(cfg.privacy.accessibility_url.is_some());
        for (name, value) in [
            ("HOERING_RETENTION_MONTHS", "0"),
            ("HOERING_RETENTION_MONTHS", "to år"),
            ("HOERING_ACCESSIBILITY_URL", "javascript:alert(1)"),
            ("HOERING_ACCESSIBILITY_URL", "http://was.digst.dk/x"),
        ] {
            assert!(
                Config::from_env(|k| (k == name).then(|| value.into())).is_err(),
                "{name}={value}"
            );
        }
    }

    #[test]
    fn unknown_variables_are_found() {
        let vars = ["HOERING_ADDR", "HOERING_DATABSE_URL", "PATH"].map(String::from);
        assert_eq!(
            unknown_variables(vars.into_iter()),
            vec!["HOERING_DATABSE_URL"]
        );
    }
}
