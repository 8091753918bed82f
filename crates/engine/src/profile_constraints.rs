//! The CA's own certificate profile (`[profile]` in smimelint.toml), as the lints read it.

use const_oid::ObjectIdentifier;

/// The CA's own profile constraints, read by the `e_profile_*` lints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileConstraints {
    pub required_policies: Vec<ObjectIdentifier>,
    pub allowed_policies: Option<Vec<ObjectIdentifier>>,
    pub allowed_multipurpose_ekus: Option<Vec<ObjectIdentifier>>,
    /// Lower-cased; a leading dot means "any subdomain of".
    pub allowed_mailbox_domains: Option<Vec<String>>,
}

impl ProfileConstraints {
    pub fn is_empty(&self) -> bool {
        *self == ProfileConstraints::default()
    }

    /// Whether `domain` (any case) is one this CA may certify.
    pub fn mailbox_domain_allowed(&self, domain: &str) -> bool {
        let Some(allowed) = &self.allowed_mailbox_domains else {
            return true;
        };
        let domain = domain.to_ascii_lowercase();
        allowed.iter().any(|a| match a.strip_prefix('.') {
            Some(parent) => domain
                .strip_suffix(parent)
                .is_some_and(|head| head.ends_with('.') && head.len() > 1),
            None => domain == *a,
        })
    }
}
