//! What the auth pages show, as it travels from the server to the browser.

use serde::{Deserialize, Serialize};

/// The logged-in member of staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub email: String,
    pub role: hoering::staff::Role,
    /// The token every state-changing form of this session must carry.
    pub csrf: String,
}
