//! An access request (GDPR art. 15): the clerk's page that hands over everything hoering holds
//! under one e-mail address as a ZIP (the server builds it: `server/src/access_request`).

pub mod page;
