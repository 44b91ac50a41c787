//! Every permission of the portal, decided here and nowhere else: who (`Actor`) may do what
//! (`Action`) to which resource. Handlers describe the request and obey the `Decision`.
//!
//! Reading the table: anonymous callers get `Unauthenticated` where signing in could help;
//! a signed-in caller who may not act gets `Forbidden`, unless they may not even see the
//! resource, in which case `NotFound`, so that private resources do not reveal they exist.

use uuid::Uuid;

use crate::error::ClosedSet;
use crate::organisation::OrganisationKind;

/// Staff of the employment service centre; admins also manage staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffLevel {
    Staff,
    Admin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    pub organisation: Uuid,
    pub kind: OrganisationKind,
}

/// What an API key may do. Every key may read the public API.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::VariantNames,
)]
pub enum Scope {
    /// Read everything public (always granted).
    #[strum(serialize = "public:read")]
    PublicRead,
    /// Create and edit the postings of the key's organisation.
    #[strum(serialize = "postings:write")]
    PostingsWrite,
}

impl ClosedSet for Scope {
    const WHAT: &'static str = "scope";
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Anonymous,
    Account {
        id: Uuid,
        staff: Option<StaffLevel>,
        memberships: Vec<Membership>,
    },
    ApiKey {
        id: Uuid,
        organisation: Option<Uuid>,
        scopes: Vec<Scope>,
    },
}

/// The roles of the plan's users, as shown to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    Worker,
    EnterpriseMember,
    SchoolMember,
    Staff,
    Admin,
}

impl Actor {
    pub fn roles(&self) -> Vec<Role> {
        let Actor::Account {
            staff, memberships, ..
        } = self
        else {
            return Vec::new();
        };
        let mut roles = Vec::new();
        match staff {
            Some(StaffLevel::Admin) => roles.extend([Role::Staff, Role::Admin]),
            Some(StaffLevel::Staff) => roles.push(Role::Staff),
            None => {}
        }
        for kind in [OrganisationKind::Enterprise, OrganisationKind::School] {
            if memberships.iter().any(|m| m.kind == kind) {
                roles.push(match kind {
                    OrganisationKind::Enterprise => Role::EnterpriseMember,
                    _ => Role::SchoolMember,
                });
            }
        }
        if roles.is_empty() {
            roles.push(Role::Worker);
        }
        roles
    }

    fn is_staff(&self) -> bool {
        matches!(self, Actor::Account { staff: Some(_), .. })
    }

    fn is_admin(&self) -> bool {
        matches!(
            self,
            Actor::Account {
                staff: Some(StaffLevel::Admin),
                ..
            }
        )
    }

    fn is_member_of(&self, organisation: Uuid) -> bool {
        matches!(self, Actor::Account { memberships, .. }
            if memberships.iter().any(|m| m.organisation == organisation))
    }
}

/// The facts about an organisation that permissions depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrganisationFacts {
    pub id: Uuid,
    pub verified: bool,
}

/// The facts about a posting that permissions depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostingFacts {
    pub organisation: Uuid,
    /// Published: anyone may read it.
    pub public: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read the account one is signed in as.
    ReadOwnAccount,
    /// Register a new enterprise or school, becoming its first member.
    RegisterOrganisation,
    /// See an organisation's profile (unverified ones are private to members and staff).
    ReadOrganisation(OrganisationFacts),
    /// List organisations waiting for verification.
    ReviewOrganisations,
    /// Verify or refuse an organisation.
    VerifyOrganisation(OrganisationFacts),
    /// Create, list and revoke an organisation's API keys.
    ManageApiKeys(OrganisationFacts),
    /// Create staff accounts.
    CreateStaff,
    /// Create, edit, submit and close an organisation's postings, and list them in every state.
    WritePostings(OrganisationFacts),
    /// List the postings of one's own organisations (or key's organisation), in every state.
    ListOwnPostings,
    /// See the moderation queue and its counts.
    ModerationQueue,
    /// Read a posting: published ones are public; others belong to their organisation and staff.
    ReadPosting(PostingFacts),
    /// Approve, reject or remove a posting; see the moderation queue.
    ModeratePosting(PostingFacts),
    /// Read a posting's history (audit trail).
    ReadPostingHistory(PostingFacts),
    /// Report a posting to staff.
    ReportPosting(PostingFacts),
    /// A school offers a course or a proposal for an enterprise's training need.
    OfferTraining(PostingFacts),
    /// See and accept the offers made for a training need.
    ManageOffers(PostingFacts),
    /// Read a worker's profile: the worker and staff (staff reads are audited).
    ReadWorkerProfile { worker: Uuid },
    /// Apply to a published job (workers; not staff, not keys).
    Apply(PostingFacts),
    /// See a job's applicants and move their applications (the enterprise; staff may look).
    ManageApplications(PostingFacts),
    /// See the workers who opted in to be found, ranked for a job or training need (the
    /// organisation's members and staff; not API keys, which act for apps, not people).
    FindCandidates(PostingFacts),
    /// Open and close declaration years, see who has not declared, remind them (staff).
    ManageDeclarationYears,
    /// Make or correct an organisation's yearly declaration (its members).
    Declare(OrganisationFacts),
    /// Read an organisation's declarations (its members and staff).
    ReadDeclarations(OrganisationFacts),
    /// Statistics marked staff-only (matching outcomes).
    ReadStaffStatistics,
    /// Enter a yearly value of one of the plan's indicators, with its source (staff).
    EnterIndicatorValues,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// 401: sign in (or send a valid key) and try again.
    Unauthenticated,
    /// 403: signed in, but not allowed.
    Forbidden,
    /// 404: not visible to this actor.
    NotFound,
}

use Decision::{Allow, Forbidden, NotFound, Unauthenticated};

/// The permission table.
pub fn decide(actor: &Actor, action: Action) -> Decision {
    match action {
        Action::ReadOwnAccount => match actor {
            Actor::Anonymous => Unauthenticated,
            Actor::Account { .. } => Allow,
            Actor::ApiKey { .. } => Forbidden,
        },
        Action::RegisterOrganisation => match actor {
            Actor::Anonymous => Unauthenticated,
            Actor::Account { staff: None, .. } => Allow,
            _ => Forbidden,
        },
        Action::ReadOrganisation(org) => {
            if org.verified || actor.is_staff() || actor.is_member_of(org.id) {
                Allow
            } else {
                NotFound
            }
        }
        Action::Apply(p) => match actor {
            _ if decide(actor, Action::ReadPosting(p)) != Allow => NotFound,
            Actor::Account { staff: None, .. } if p.public => Allow,
            Actor::Anonymous => Unauthenticated,
            _ => Forbidden,
        },
        Action::ManageApplications(p) => match actor {
            _ if actor.is_staff() || actor.is_member_of(p.organisation) => Allow,
            Actor::Anonymous => Unauthenticated,
            _ => NotFound,
        },
        Action::ManageDeclarationYears
        | Action::ReadStaffStatistics
        | Action::EnterIndicatorValues => match actor {
            Actor::Anonymous => Unauthenticated,
            _ if actor.is_staff() => Allow,
            _ => Forbidden,
        },
        Action::Declare(org) => match actor {
            Actor::Anonymous => Unauthenticated,
            Actor::ApiKey { .. } => Forbidden,
            _ if actor.is_member_of(org.id) => Allow,
            // Staff read declarations but do not make them for an enterprise.
            _ if actor.is_staff() => Forbidden,
            _ => NotFound,
        },
        Action::ReadDeclarations(org) => match actor {
            Actor::Account { .. } if actor.is_staff() || actor.is_member_of(org.id) => Allow,
            Actor::Anonymous => Unauthenticated,
            Actor::ApiKey { .. } => Forbidden,
            _ => NotFound,
        },
        Action::FindCandidates(p) => match actor {
            Actor::ApiKey { .. } => Forbidden,
            _ if actor.is_staff() || actor.is_member_of(p.organisation) => Allow,
            Actor::Anonymous => Unauthenticated,
            _ => NotFound,
        },
        Action::ReadWorkerProfile { worker } => match actor {
            Actor::Account { id, .. } if *id == worker => Allow,
            _ if actor.is_staff() => Allow,
            Actor::Anonymous => Unauthenticated,
            _ => NotFound,
        },
        Action::ListOwnPostings => match actor {
            Actor::Anonymous => Unauthenticated,
            _ => Allow,
        },
        Action::ReviewOrganisations | Action::CreateStaff | Action::ModerationQueue => {
            let allowed = if action == Action::CreateStaff {
                actor.is_admin()
            } else {
                actor.is_staff()
            };
            match actor {
                Actor::Anonymous => Unauthenticated,
                _ if allowed => Allow,
                _ => Forbidden,
            }
        }
        Action::VerifyOrganisation(org) => match actor {
            _ if actor.is_staff() => Allow,
            _ if decide(actor, Action::ReadOrganisation(org)) != Allow => NotFound,
            Actor::Anonymous => Unauthenticated,
            _ => Forbidden,
        },
        Action::ManageApiKeys(org) => match actor {
            _ if actor.is_staff() || actor.is_member_of(org.id) => Allow,
            // Keys are private to the organisation: others do not learn they exist.
            Actor::Anonymous => Unauthenticated,
            Actor::ApiKey { organisation, .. } if *organisation == Some(org.id) => Forbidden,
            _ => NotFound,
        },
        Action::ReadPosting(p) => {
            let own_key = matches!(actor, Actor::ApiKey { organisation, .. } if *organisation == Some(p.organisation));
            if p.public || actor.is_staff() || actor.is_member_of(p.organisation) || own_key {
                Allow
            } else {
                NotFound
            }
        }
        Action::ModeratePosting(p) => match actor {
            _ if actor.is_staff() => Allow,
            _ if decide(actor, Action::ReadPosting(p)) != Allow => NotFound,
            Actor::Anonymous => Unauthenticated,
            _ => Forbidden,
        },
        Action::ReadPostingHistory(p) | Action::ManageOffers(p) => match actor {
            _ if actor.is_staff() || actor.is_member_of(p.organisation) => Allow,
            Actor::Anonymous if p.public => Unauthenticated,
            _ => NotFound,
        },
        Action::ReportPosting(p) => match actor {
            _ if decide(actor, Action::ReadPosting(p)) != Allow => NotFound,
            Actor::Account { .. } => Allow,
            Actor::Anonymous => Unauthenticated,
            Actor::ApiKey { .. } => Forbidden,
        },
        Action::OfferTraining(p) => match actor {
            _ if decide(actor, Action::ReadPosting(p)) != Allow => NotFound,
            Actor::Account { memberships, .. }
                if memberships
                    .iter()
                    .any(|m| m.kind == OrganisationKind::School) =>
            {
                Allow
            }
            Actor::Anonymous => Unauthenticated,
            _ => Forbidden,
        },
        Action::WritePostings(org) => match actor {
            Actor::Anonymous => Unauthenticated,
            Actor::Account { staff: Some(_), .. } => Forbidden,
            Actor::Account { .. } if actor.is_member_of(org.id) => Allow,
            Actor::ApiKey {
                organisation,
                scopes,
                ..
            } if *organisation == Some(org.id) => {
                if scopes.contains(&Scope::PostingsWrite) {
                    Allow
                } else {
                    Forbidden
                }
            }
            _ => NotFound,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Uuid = Uuid::from_u128(0xA);
    const B: Uuid = Uuid::from_u128(0xB);

    fn member(org: Uuid, kind: OrganisationKind) -> Actor {
        Actor::Account {
            id: Uuid::from_u128(1),
            staff: None,
            memberships: vec![Membership {
                organisation: org,
                kind,
            }],
        }
    }

    fn actors() -> Vec<(&'static str, Actor)> {
        vec![
            ("anonymous", Actor::Anonymous),
            (
                "worker",
                Actor::Account {
                    id: Uuid::from_u128(2),
                    staff: None,
                    memberships: vec![],
                },
            ),
            ("member of A", member(A, OrganisationKind::Enterprise)),
            ("member of B", member(B, OrganisationKind::School)),
            (
                "staff",
                Actor::Account {
                    id: Uuid::from_u128(3),
                    staff: Some(StaffLevel::Staff),
                    memberships: vec![],
                },
            ),
            (
                "admin",
                Actor::Account {
                    id: Uuid::from_u128(4),
                    staff: Some(StaffLevel::Admin),
                    memberships: vec![],
                },
            ),
            (
                "key of A, write",
                Actor::ApiKey {
                    id: Uuid::from_u128(5),
                    organisation: Some(A),
                    scopes: vec![Scope::PublicRead, Scope::PostingsWrite],
                },
            ),
            (
                "key of A, read",
                Actor::ApiKey {
                    id: Uuid::from_u128(6),
                    organisation: Some(A),
                    scopes: vec![Scope::PublicRead],
                },
            ),
        ]
    }

    /// The expected decision for each actor above, in order, for one action on organisation A.
    fn expect(action: Action, expected: [Decision; 8]) {
        for ((name, actor), want) in actors().iter().zip(expected) {
            assert_eq!(decide(actor, action), want, "{name} / {action:?}");
        }
    }

    /// The whole permission table, one row per action, one column per actor of `actors()`.
    #[test]
    #[rustfmt::skip]
    fn the_table() {
        let verified = OrganisationFacts { id: A, verified: true };
        let pending = OrganisationFacts { id: A, verified: false };
        let public = PostingFacts { organisation: A, public: true };
        let draft = PostingFacts { organisation: A, public: false };
        //                                                  anon             worker     member A   member B   staff      admin      key A w    key A r
        expect(Action::ReadOwnAccount,                     [Unauthenticated, Allow,     Allow,     Allow,     Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::RegisterOrganisation,               [Unauthenticated, Allow,     Allow,     Allow,     Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::ReadOrganisation(verified),         [Allow,           Allow,     Allow,     Allow,     Allow,     Allow,     Allow,     Allow]);
        expect(Action::ReadOrganisation(pending),          [NotFound,        NotFound,  Allow,     NotFound,  Allow,     Allow,     NotFound,  NotFound]);
        expect(Action::ReviewOrganisations,                [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::VerifyOrganisation(verified),       [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::VerifyOrganisation(pending),        [NotFound,        NotFound,  Forbidden, NotFound,  Allow,     Allow,     NotFound,  NotFound]);
        expect(Action::ManageApiKeys(verified),            [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::CreateStaff,                        [Unauthenticated, Forbidden, Forbidden, Forbidden, Forbidden, Allow,     Forbidden, Forbidden]);
        expect(Action::WritePostings(verified),            [Unauthenticated, NotFound,  Allow,     NotFound,  Forbidden, Forbidden, Allow,     Forbidden]);
        expect(Action::ListOwnPostings,                    [Unauthenticated, Allow,     Allow,     Allow,     Allow,     Allow,     Allow,     Allow]);
        expect(Action::ModerationQueue,                    [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ReadPosting(public),                [Allow,           Allow,     Allow,     Allow,     Allow,     Allow,     Allow,     Allow]);
        expect(Action::ReadPosting(draft),                 [NotFound,        NotFound,  Allow,     NotFound,  Allow,     Allow,     Allow,     Allow]);
        expect(Action::ModeratePosting(public),            [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ModeratePosting(draft),             [NotFound,        NotFound,  Forbidden, NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ReadPostingHistory(public),         [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     NotFound,  NotFound]);
        expect(Action::ReportPosting(public),              [Unauthenticated, Allow,     Allow,     Allow,     Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ReportPosting(draft),               [NotFound,        NotFound,  Allow,     NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::OfferTraining(public),              [Unauthenticated, Forbidden, Forbidden, Allow,     Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::ReadWorkerProfile { worker: Uuid::from_u128(2) }, [Unauthenticated, Allow, NotFound, NotFound, Allow, Allow, NotFound, NotFound]);
        expect(Action::Apply(public),                      [Unauthenticated, Allow,     Allow,     Allow,     Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::ManageApplications(public),         [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     NotFound,  NotFound]);
        expect(Action::FindCandidates(public),             [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ManageDeclarationYears,             [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::Declare(verified),                  [Unauthenticated, NotFound,  Allow,     NotFound,  Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::ReadDeclarations(verified),         [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ReadStaffStatistics,                [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::EnterIndicatorValues,               [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ManageOffers(public),               [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     NotFound,  NotFound]);
    }

    #[test]
    fn roles() {
        let all: Vec<Vec<Role>> = actors().iter().map(|(_, a)| a.roles()).collect();
        assert_eq!(all[1], vec![Role::Worker]);
        assert_eq!(all[2], vec![Role::EnterpriseMember]);
        assert_eq!(all[3], vec![Role::SchoolMember]);
        assert_eq!(all[4], vec![Role::Staff]);
        assert_eq!(all[5], vec![Role::Staff, Role::Admin]);
        assert!(all[6].is_empty());
    }

    #[test]
    fn scopes_parse_by_their_public_names() {
        assert_eq!(Scope::parse("postings:write"), Ok(Scope::PostingsWrite));
        assert_eq!(Scope::PublicRead.as_str(), "public:read");
        assert!(Scope::parse("admin").is_err());
    }
}
