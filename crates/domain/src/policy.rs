//! Every permission of the portal, decided here and nowhere else: who (`Actor`) may do what
//! (`Action`) to which resource. Handlers describe the request and obey the `Decision`.
//!
//! Reading the table: anonymous callers get `Unauthenticated` where signing in could help;
//! a signed-in caller who may not act gets `Forbidden`, unless they may not even see the
//! resource, in which case `NotFound`, so that private resources do not reveal they exist.
//!
//! An id that names nothing is asked about with the facts of `unknown()` (private, nobody's), so
//! a caller gets the same answer for another's private object as for an id that does not exist:
//! an anonymous caller 401 on an endpoint that needs signing in, an API key 403 on an endpoint keys
//! never use, everyone else 404. An organisation staff refused is in effect suspended: the writes
//! it could make answer `OrganisationRefused` until staff verify it again.

use uuid::Uuid;

use crate::application::Status as ApplicationStatus;
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
    /// Staff refused (or withdrew) its verification: it may not write until verified again.
    pub refused: bool,
}

impl OrganisationFacts {
    /// What an id that names no organisation is asked as: private, nobody's.
    pub fn unknown() -> OrganisationFacts {
        OrganisationFacts {
            id: Uuid::nil(),
            verified: false,
            refused: false,
        }
    }
}

/// The facts about a posting that permissions depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostingFacts {
    pub organisation: Uuid,
    /// Published: anyone may read it.
    pub public: bool,
}

impl PostingFacts {
    /// What an id that names no posting is asked as: private, nobody's.
    pub fn unknown() -> PostingFacts {
        PostingFacts {
            organisation: Uuid::nil(),
            public: false,
        }
    }
}

/// The facts about an application that permissions depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApplicationFacts {
    /// The job or course applied to.
    pub posting: PostingFacts,
    /// The worker who applied.
    pub worker: Uuid,
}

impl ApplicationFacts {
    /// What an id that names no application is asked as: nobody's.
    pub fn unknown() -> ApplicationFacts {
        ApplicationFacts {
            posting: PostingFacts::unknown(),
            worker: Uuid::nil(),
        }
    }
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
    /// List and revoke an organisation's API keys.
    ManageApiKeys(OrganisationFacts),
    /// Mint a new API key for an organisation (not while it is refused).
    CreateApiKey(OrganisationFacts),
    /// Create staff accounts.
    CreateStaff,
    /// Issue a one-time password reset code for a person's account, to hand over in person
    /// (staff of the employment service centre).
    IssuePasswordResetCode,
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
    /// A school (whose member the caller is) offers a course or a proposal for a training need.
    OfferTraining {
        need: PostingFacts,
        school: OrganisationFacts,
    },
    /// See the offers made for a training need.
    ManageOffers(PostingFacts),
    /// Accept one offer for a training need (the enterprise that posted it; staff only look).
    AcceptOffer(PostingFacts),
    /// See the offers a school made, each with what became of it (its members; staff may look).
    /// A school sees only its own offers for a need, never another school's.
    ReadSchoolOffers(OrganisationFacts),
    /// See who the members of an organisation are (its members; staff may look).
    ReadMembers(OrganisationFacts),
    /// Add an existing account as a member (members of a verified organisation only: anyone can
    /// register a pending one, and adding from it would let anyone attach strangers).
    ManageMembers(OrganisationFacts),
    /// Read a worker's profile: the worker and staff (staff reads are audited).
    ReadWorkerProfile { worker: Uuid },
    /// Apply to a published job (workers; not staff, not keys).
    Apply(PostingFacts),
    /// See a job's applicants (the enterprise; staff may look).
    ManageApplications(PostingFacts),
    /// Move an application to a status: the organisation that posted moves it on or rejects it,
    /// the worker withdraws it; staff look but do not move. Whether the move fits the
    /// application's current status is the lifecycle's question (`Status::can_move`).
    MoveApplication {
        application: ApplicationFacts,
        to: ApplicationStatus,
    },
    /// See who acted in a report entry of a posting's history (staff: the organisation never
    /// learns who reported it).
    SeeReporter(PostingFacts),
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
    /// 403: the organisation acted for was refused by staff; it may not write until verified.
    OrganisationRefused,
}

use Decision::{Allow, Forbidden, NotFound, OrganisationRefused, Unauthenticated};

/// `Allow` unless the organisation is refused.
fn unless_refused(org: OrganisationFacts) -> Decision {
    if org.refused {
        OrganisationRefused
    } else {
        Allow
    }
}

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
        | Action::IssuePasswordResetCode
        | Action::ReadStaffStatistics
        | Action::EnterIndicatorValues => match actor {
            Actor::Anonymous => Unauthenticated,
            _ if actor.is_staff() => Allow,
            _ => Forbidden,
        },
        Action::Declare(org) => match actor {
            Actor::Anonymous => Unauthenticated,
            Actor::ApiKey { .. } => Forbidden,
            _ if actor.is_member_of(org.id) => unless_refused(org),
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
        Action::CreateApiKey(org) => match decide(actor, Action::ManageApiKeys(org)) {
            Allow => unless_refused(org),
            other => other,
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
        Action::SeeReporter(p) => match decide(actor, Action::ReadPostingHistory(p)) {
            Allow if actor.is_staff() => Allow,
            Allow => Forbidden,
            other => other,
        },
        Action::AcceptOffer(p) => match actor {
            // Offers are private, whatever the need: signing in comes first.
            Actor::Anonymous => Unauthenticated,
            Actor::ApiKey { .. } => Forbidden,
            _ if actor.is_member_of(p.organisation) => Allow,
            _ if actor.is_staff() => Forbidden,
            _ => NotFound,
        },
        Action::ReadSchoolOffers(org) | Action::ReadMembers(org) => match actor {
            Actor::Anonymous => Unauthenticated,
            Actor::Account { .. } if actor.is_staff() || actor.is_member_of(org.id) => Allow,
            Actor::ApiKey { organisation, .. } if *organisation == Some(org.id) => Forbidden,
            _ => NotFound,
        },
        Action::ManageMembers(org) => match actor {
            Actor::Anonymous => Unauthenticated,
            Actor::Account { .. } if actor.is_member_of(org.id) => {
                if org.refused {
                    OrganisationRefused
                } else if org.verified {
                    Allow
                } else {
                    Forbidden
                }
            }
            Actor::Account { .. } if actor.is_staff() => Forbidden,
            Actor::ApiKey { organisation, .. } if *organisation == Some(org.id) => Forbidden,
            _ => NotFound,
        },
        Action::MoveApplication { application, to } => {
            let worker = matches!(actor, Actor::Account { id, .. } if *id == application.worker);
            let organisation = actor.is_member_of(application.posting.organisation);
            match actor {
                Actor::Anonymous => Unauthenticated,
                _ if worker && to == ApplicationStatus::Withdrawn => Allow,
                _ if organisation && to != ApplicationStatus::Withdrawn => Allow,
                _ if worker || organisation || actor.is_staff() => Forbidden,
                _ => NotFound,
            }
        }
        Action::ReportPosting(p) => match actor {
            _ if decide(actor, Action::ReadPosting(p)) != Allow => NotFound,
            Actor::Account { .. } => Allow,
            Actor::Anonymous => Unauthenticated,
            Actor::ApiKey { .. } => Forbidden,
        },
        Action::OfferTraining { need, school } => match actor {
            _ if decide(actor, Action::ReadPosting(need)) != Allow => NotFound,
            Actor::Account { memberships, .. }
                if memberships
                    .iter()
                    .any(|m| m.kind == OrganisationKind::School && m.organisation == school.id) =>
            {
                unless_refused(school)
            }
            Actor::Anonymous => Unauthenticated,
            _ => Forbidden,
        },
        Action::WritePostings(org) => match actor {
            Actor::Anonymous => Unauthenticated,
            Actor::Account { staff: Some(_), .. } => Forbidden,
            Actor::Account { .. } if actor.is_member_of(org.id) => unless_refused(org),
            Actor::ApiKey {
                organisation,
                scopes,
                ..
            } if *organisation == Some(org.id) => {
                if scopes.contains(&Scope::PostingsWrite) {
                    unless_refused(org)
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
        let verified = OrganisationFacts { id: A, verified: true, refused: false };
        let pending = OrganisationFacts { id: A, verified: false, refused: false };
        let refused = OrganisationFacts { id: A, verified: false, refused: true };
        let school_b = OrganisationFacts { id: B, verified: true, refused: false };
        let refused_b = OrganisationFacts { id: B, verified: false, refused: true };
        let application = |to| Action::MoveApplication {
            application: ApplicationFacts { posting: PostingFacts { organisation: A, public: true }, worker: Uuid::from_u128(2) },
            to,
        };
        use ApplicationStatus::{Hired, Shortlisted, Withdrawn};
        const R: Decision = OrganisationRefused;
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
        expect(Action::OfferTraining { need: public, school: school_b },  [Unauthenticated, Forbidden, Forbidden, Allow, Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::OfferTraining { need: public, school: refused_b }, [Unauthenticated, Forbidden, Forbidden, R,     Forbidden, Forbidden, Forbidden, Forbidden]);
        // Member B belongs to school B, not to this one.
        expect(Action::OfferTraining { need: public, school: verified },  [Unauthenticated, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::WritePostings(refused),             [Unauthenticated, NotFound,  R,         NotFound,  Forbidden, Forbidden, R,         Forbidden]);
        expect(Action::ManageApiKeys(refused),             [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::CreateApiKey(verified),             [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::CreateApiKey(refused),              [Unauthenticated, NotFound,  R,         NotFound,  R,         R,         Forbidden, Forbidden]);
        expect(Action::Declare(refused),                   [Unauthenticated, NotFound,  R,         NotFound,  Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::AcceptOffer(public),                [Unauthenticated, NotFound,  Allow,     NotFound,  Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::SeeReporter(public),                [Unauthenticated, NotFound,  Forbidden, NotFound,  Allow,     Allow,     NotFound,  NotFound]);
        // The worker (id 2) withdraws; the enterprise (member of A) moves on; staff look only.
        expect(application(Withdrawn),                     [Unauthenticated, Allow,     Forbidden, NotFound,  Forbidden, Forbidden, NotFound,  NotFound]);
        expect(application(Shortlisted),                   [Unauthenticated, Forbidden, Allow,     NotFound,  Forbidden, Forbidden, NotFound,  NotFound]);
        expect(application(Hired),                         [Unauthenticated, Forbidden, Allow,     NotFound,  Forbidden, Forbidden, NotFound,  NotFound]);
        expect(Action::ReadWorkerProfile { worker: Uuid::from_u128(2) }, [Unauthenticated, Allow, NotFound, NotFound, Allow, Allow, NotFound, NotFound]);
        expect(Action::Apply(public),                      [Unauthenticated, Allow,     Allow,     Allow,     Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::ManageApplications(public),         [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     NotFound,  NotFound]);
        expect(Action::FindCandidates(public),             [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ManageDeclarationYears,             [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::Declare(verified),                  [Unauthenticated, NotFound,  Allow,     NotFound,  Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::ReadDeclarations(verified),         [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ReadStaffStatistics,                [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::IssuePasswordResetCode,             [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::EnterIndicatorValues,               [Unauthenticated, Forbidden, Forbidden, Forbidden, Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ManageOffers(public),               [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     NotFound,  NotFound]);
        expect(Action::ReadSchoolOffers(school_b),         [Unauthenticated, NotFound,  NotFound,  Allow,     Allow,     Allow,     NotFound,  NotFound]);
        expect(Action::ReadMembers(verified),              [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ReadMembers(pending),               [Unauthenticated, NotFound,  Allow,     NotFound,  Allow,     Allow,     Forbidden, Forbidden]);
        expect(Action::ManageMembers(verified),            [Unauthenticated, NotFound,  Allow,     NotFound,  Forbidden, Forbidden, Forbidden, Forbidden]);
        // A pending organisation is not vetted yet: it cannot add people.
        expect(Action::ManageMembers(pending),             [Unauthenticated, NotFound,  Forbidden, NotFound,  Forbidden, Forbidden, Forbidden, Forbidden]);
        expect(Action::ManageMembers(refused),             [Unauthenticated, NotFound,  R,         NotFound,  Forbidden, Forbidden, Forbidden, Forbidden]);
    }

    /// Every action on an object, asked with the facts of an id that does not exist and with those
    /// of another's private object (organisation C: nobody's), decides the same for every actor.
    #[test]
    fn an_unknown_id_is_answered_like_anothers_private_object() {
        const C: Uuid = Uuid::from_u128(0xC);
        let org = OrganisationFacts {
            id: C,
            verified: false,
            refused: false,
        };
        let posting = PostingFacts {
            organisation: C,
            public: false,
        };
        let application = ApplicationFacts {
            posting,
            worker: Uuid::from_u128(0xD),
        };
        let (uo, up, ua) = (
            OrganisationFacts::unknown(),
            PostingFacts::unknown(),
            ApplicationFacts::unknown(),
        );
        let pairs = [
            (Action::ReadOrganisation(org), Action::ReadOrganisation(uo)),
            (
                Action::VerifyOrganisation(org),
                Action::VerifyOrganisation(uo),
            ),
            (Action::ManageApiKeys(org), Action::ManageApiKeys(uo)),
            (Action::CreateApiKey(org), Action::CreateApiKey(uo)),
            (Action::WritePostings(org), Action::WritePostings(uo)),
            (Action::Declare(org), Action::Declare(uo)),
            (Action::ReadDeclarations(org), Action::ReadDeclarations(uo)),
            (Action::ReadPosting(posting), Action::ReadPosting(up)),
            (
                Action::ModeratePosting(posting),
                Action::ModeratePosting(up),
            ),
            (
                Action::ReadPostingHistory(posting),
                Action::ReadPostingHistory(up),
            ),
            (Action::SeeReporter(posting), Action::SeeReporter(up)),
            (Action::ReportPosting(posting), Action::ReportPosting(up)),
            (Action::ManageOffers(posting), Action::ManageOffers(up)),
            (Action::ReadSchoolOffers(org), Action::ReadSchoolOffers(uo)),
            (Action::ReadMembers(org), Action::ReadMembers(uo)),
            (Action::ManageMembers(org), Action::ManageMembers(uo)),
            (Action::AcceptOffer(posting), Action::AcceptOffer(up)),
            (Action::Apply(posting), Action::Apply(up)),
            (
                Action::ManageApplications(posting),
                Action::ManageApplications(up),
            ),
            (Action::FindCandidates(posting), Action::FindCandidates(up)),
            (
                Action::OfferTraining {
                    need: posting,
                    school: org,
                },
                Action::OfferTraining {
                    need: up,
                    school: uo,
                },
            ),
            (
                Action::MoveApplication {
                    application,
                    to: ApplicationStatus::Shortlisted,
                },
                Action::MoveApplication {
                    application: ua,
                    to: ApplicationStatus::Shortlisted,
                },
            ),
            (
                Action::MoveApplication {
                    application,
                    to: ApplicationStatus::Withdrawn,
                },
                Action::MoveApplication {
                    application: ua,
                    to: ApplicationStatus::Withdrawn,
                },
            ),
        ];
        for (name, actor) in actors() {
            for (existing, unknown) in pairs {
                assert_eq!(
                    decide(&actor, existing),
                    decide(&actor, unknown),
                    "{name} / {existing:?}"
                );
            }
        }
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
