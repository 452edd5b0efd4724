//! What the site pages show, as it travels from the server to the browser.

use serde::{Deserialize, Serialize};

/// The installation: whose site this is (`HOERING_MUNICIPALITY`), shown in every page's header,
/// and the municipality's look from the configuration (`HOERING_LOGO`, `HOERING_BRAND_COLOUR`,
/// `HOERING_CONTACT`, `HOERING_FOOTER_LINKS`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub municipality: String,
    /// A logo is served at `/logo`.
    pub logo: bool,
    /// A colour of its own is served at `/tema.css`.
    pub theme: bool,
    /// The footer's contact line.
    pub contact: String,
    pub links: Vec<SiteLink>,
    /// How staff sign in, for the login page.
    pub sign_in: SiteSignIn,
    /// What the privacy notice and every footer say about personal data.
    #[serde(default)]
    pub privacy: SitePrivacy,
}

/// The privacy notice's facts from the configuration (`HOERING_DPO_CONTACT`,
/// `HOERING_ACCESSIBILITY_URL`, `HOERING_RETENTION_MONTHS`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SitePrivacy {
    /// The data-protection officer's contact; empty: the footer's contact line answers.
    pub dpo: String,
    /// The accessibility statement, linked from every footer.
    pub accessibility_url: Option<String>,
    /// The default months senders' names and addresses are kept.
    pub retention_months: u16,
}

impl Default for SitePrivacy {
    fn default() -> Self {
        Self {
            dpo: String::new(),
            accessibility_url: None,
            retention_months: 24,
        }
    }
}

/// How staff sign in (`HOERING_OIDC_*`, `HOERING_LOCAL_LOGIN`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteSignIn {
    /// With an e-mail address and a password kept by hoering.
    pub local: bool,
    /// The identity provider's name on its button ("Log ind med …"), when there is one.
    pub provider: Option<String>,
}

impl Default for SiteSignIn {
    fn default() -> Self {
        Self {
            local: true,
            provider: None,
        }
    }
}

/// A link in every page's footer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteLink {
    pub label: String,
    pub href: String,
}
