//! The demo: Roskilde's integration policy as an open hearing and a clerk to log in with, so a
//! new user sees the whole flow at once. Loaded only when asked for (`--demo`, `HOERING_DEMO`).

use crate::auth::{Role, db as auth_db, password};
use crate::db::Db;
use crate::hearing::{self, HearingFields, db as hearing_db};
use jiff::ToSpan;

/// Roskilde Kommune's integration policy, as adopted in 2020.
pub const FIXTURE: &str = include_str!("../../src/document/fixtures/integrationspolitik.md");
pub const DEMO_SLUG: &str = "integrationspolitik";
/// The same policy's road as it was actually taken, to its adoption on 29 January 2020.
pub const DEMO_ROAD_SLUG: &str = "integrationspolitik-2020";
pub const DEMO_EMAIL: &str = "sagsbehandler@demo.hoering.dk";
pub const DEMO_PASSWORD: &str = "demo-hoering-2026";
/// The demo's administrator (same password): reads the outbox at /admin/post.
pub const DEMO_ADMIN_EMAIL: &str = "admin@demo.hoering.dk";
/// The first draft of Integrationsrådet's joint response in the demo.
const DEMO_JOINT_RESPONSE: &str = "Integrationsrådet støtter politikkens vision om, at alle borgere skal kunne deltage aktivt i fællesskabet.\n\nAfsnit om sprog: Rådet foreslår, at danskundervisning kan begynde fra første dag, også for familiesammenførte.\n\nAfsnit om beskæftigelse: Rådet ønsker, at virksomhedspraktik følges af en mentor.";

/// The demo's council member (same password), chair of Integrationsrådet.
pub const DEMO_COUNCIL_EMAIL: &str = "raad@demo.hoering.dk";
/// A second member of Integrationsrådet (same password), so two can write together.
pub const DEMO_COUNCIL_MEMBER_EMAIL: &str = "medlem@demo.hoering.dk";
/// The høringsliste of the open demo hearing (organisation; contact; e-mail; kind).
const DEMO_PARTIES: &str = "Organisation;Kontaktperson;E-mail;Type
Integrationsrådet;;integrationsraadet@demo.hoering.dk;råd og nævn
Ældre Sagen Roskilde;;roskilde@aeldresagen.demo.hoering.dk;forening
Dansk Flygtningehjælp Frivillig, Roskilde;;roskilde@frivillig.demo.hoering.dk;forening
Hoved-MED, Roskilde Kommune;;hovedmed@demo.hoering.dk;MED-udvalg
Styrelsen for International Rekruttering og Integration;;siri@demo.hoering.dk;myndighed";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    #[error(transparent)]
    Store(#[from] crate::policy::db::StoreError),
    #[error(transparent)]
    Users(#[from] auth_db::AuthDbError),
    #[error(transparent)]
    Password(#[from] password::PasswordError),
    #[error("the demo policy does not parse: {0}")]
    Fixture(String),
    #[error("date arithmetic failed")]
    Date(#[from] jiff::Error),
    #[error(transparent)]
    Road(#[from] crate::policy::db::RoadDbError),
    #[error("a step of the demo road was refused: {0}")]
    Step(String),
    #[error("the demo's meeting input could not be stored")]
    Input(#[from] crate::version::db::VersionError),
}

pub struct DemoCredentials {
    pub email: &'static str,
    pub admin_email: &'static str,
    pub council_email: &'static str,
    pub council_member_email: &'static str,
    pub password: &'static str,
}

impl DemoCredentials {
    pub fn hearing_url(&self, addr: std::net::SocketAddr) -> String {
        format!("http://{addr}/hoeringer/{DEMO_SLUG}")
    }
}

/// Loads the demo hearing (opened a week ago, closing in three weeks) unless it is there
/// already, and (re)sets the demo clerk.
pub async fn load(db: &Db) -> Result<DemoCredentials, DemoError> {
    if !hearing_db::slug_exists(&db.pool, DEMO_SLUG).await? {
        let today = hoering::calendar::today();
        let fields = HearingFields {
            markdown: FIXTURE.to_string(),
            slug: DEMO_SLUG.to_string(),
            opens: today.checked_sub(7.days())?.to_string(),
            closes: today.checked_add(21.days())?.to_string(),
            ..Default::default()
        };
        let new = hearing::prepare(&fields, true)
            .map_err(|rejected| DemoError::Fixture(format!("{:?}", rejected.errors)))?;
        crate::policy::db::store_draft(&db.pool, &new, &crate::policy::db::Actor::system()).await?;
        tracing::info!("demo hearing loaded");
    }
    if !hearing_db::slug_exists(&db.pool, DEMO_ROAD_SLUG).await?
        && crate::policy::db::by_slug(&db.pool, DEMO_ROAD_SLUG)
            .await?
            .is_none()
    {
        load_road(db).await?;
        tracing::info!("demo road of 2019–2020 loaded");
    }
    let hash = password::hash(DEMO_PASSWORD.to_string()).await?;
    let (clerk, _) = auth_db::upsert_user(&db.pool, DEMO_EMAIL, &hash, Role::Clerk).await?;
    auth_db::upsert_user(&db.pool, DEMO_ADMIN_EMAIL, &hash, Role::Admin).await?;
    let (chair, _) =
        auth_db::upsert_user(&db.pool, DEMO_COUNCIL_EMAIL, &hash, Role::Council).await?;
    crate::council::add_member(&db.pool, "integrationsraadet", DEMO_COUNCIL_EMAIL, true)
        .await
        .map_err(|e| DemoError::Fixture(format!("demo council member: {e}")))?;
    auth_db::upsert_user(&db.pool, DEMO_COUNCIL_MEMBER_EMAIL, &hash, Role::Council).await?;
    crate::council::add_member(
        &db.pool,
        "integrationsraadet",
        DEMO_COUNCIL_MEMBER_EMAIL,
        false,
    )
    .await
    .map_err(|e| DemoError::Fixture(format!("demo council member: {e}")))?;
    // The names the demo's members go by in the room and in public (kept once they change them).
    for (email, name) in [
        (DEMO_COUNCIL_EMAIL, "Amina Hassan"),
        (DEMO_COUNCIL_MEMBER_EMAIL, "Jonas Holm"),
    ] {
        if let Some((user, _)) = auth_db::find_credentials(&db.pool, email).await?
            && auth_db::display_name_of(&db.pool, user.id)
                .await?
                .unwrap_or_default()
                .is_empty()
        {
            let name = hoering::council::MemberName::parse(name)
                .map_err(|e| DemoError::Fixture(format!("demo member name: {e:?}")))?;
            auth_db::set_display_name(&db.pool, user.id, &name).await?;
        }
    }
    // Integrationsrådet's round on the open hearing, ending three days before the public one.
    if let (Some(hearing), Some(council)) = (
        hearing_db::by_slug(&db.pool, DEMO_SLUG).await?,
        crate::council::db::by_slug(&db.pool, "integrationsraadet").await?,
    ) && crate::council::db::rounds_of_hearing(&db.pool, hearing.id)
        .await?
        .is_empty()
    {
        let today = hoering::calendar::today();
        let last_day = hoering::calendar::local_date(hearing.closes_at);
        let closes = last_day
            .parse::<jiff::civil::Date>()?
            .checked_sub(3.days())?;
        crate::council::db::open_round(
            &db.pool,
            hearing.id,
            council.id,
            &today.checked_sub(7.days())?.to_string(),
            &closes.to_string(),
            clerk,
        )
        .await?;
        // The chair has begun the joint response; members carry on from there.
        if let Some(round) =
            crate::council::db::round(&db.pool, DEMO_SLUG, "integrationsraadet").await?
        {
            let mut tx = crate::db::begin_write(&db.pool).await?;
            crate::council::db::add_revision(
                &mut tx,
                round.id,
                &hoering::council::Revision {
                    number: 1,
                    author: hoering::council::UserId(chair),
                    at: crate::db::now(),
                    text: DEMO_JOINT_RESPONSE.to_string(),
                },
            )
            .await?;
            tx.commit().await?;
        }
    }
    if let Some(hearing) = hearing_db::by_slug(&db.pool, DEMO_SLUG).await?
        && crate::consultees::db::of_hearing(&db.pool, hearing.id)
            .await?
            .is_empty()
    {
        let read = hoering::consultees::import(DEMO_PARTIES)
            .map_err(|e| DemoError::Fixture(format!("demo høringsliste: {e:?}")))?;
        let parties = read
            .parties
            .into_iter()
            .map(|p| Ok((p, token()?)))
            .collect::<Result<Vec<_>, DemoError>>()?;
        crate::consultees::db::add(&db.pool, hearing.id, &parties).await?;
    }
    // The case facts the høringsnotat and the journal numbers read.
    if let Some(hearing) = hearing_db::by_slug(&db.pool, DEMO_SLUG).await?
        && crate::notat::db::case_facts(&db.pool, hearing.id)
            .await?
            .0
            .is_empty()
    {
        crate::notat::db::set_case_facts(
            &db.pool,
            hearing.id,
            "00.01.00-P20-1-26",
            "På roskilde.dk, i Roskilde Avis og ved opslag på bibliotekerne",
        )
        .await?;
    }
    if crate::meeting::db::count(&db.pool).await? == 0 {
        load_meetings(db, clerk).await?;
        tracing::info!("demo dialogue meetings loaded");
    }
    Ok(DemoCredentials {
        email: DEMO_EMAIL,
        admin_email: DEMO_ADMIN_EMAIL,
        council_email: DEMO_COUNCIL_EMAIL,
        council_member_email: DEMO_COUNCIL_MEMBER_EMAIL,
        password: DEMO_PASSWORD,
    })
}

/// The integration policy's road of 2019–2020. The Byråd's adoption on 29 January 2020 is in
/// the policy itself; the seed documents name the dialogue meeting, the hearing and the
/// committee's treatment but not their days, so those dates are illustrative.
async fn load_road(db: &Db) -> Result<(), DemoError> {
    use crate::policy::db::{self as policy_db, Actor};
    use crate::policy::{StepRequest, WindowRequest, take_step};
    use hoering::process::{Action, Body, Decision, Outcome, Road, Stage, Votes};
    use jiff::civil::date;

    let fields = HearingFields {
        markdown: FIXTURE.to_string(),
        slug: DEMO_ROAD_SLUG.to_string(),
        title: "Muligheder og medborgerskab – Integrationspolitik 2020".to_string(),
        ..Default::default()
    };
    let new = hearing::prepare(&fields, false)
        .map_err(|rejected| DemoError::Fixture(format!("{:?}", rejected.errors)))?;
    let actor = Actor::system();
    crate::policy::db::store_draft(&db.pool, &new, &actor).await?;
    let policy = policy_db::by_slug(&db.pool, DEMO_ROAD_SLUG)
        .await?
        .ok_or_else(|| DemoError::Fixture("the demo road's policy was not stored".into()))?;
    let template = policy.road()?.template().clone();
    let road = Road::new(template, date(2019, 5, 6)).map_err(policy_db::RoadDbError::from)?;
    policy_db::restart_road(&db.pool, &policy, &road, "demo: forløbet 2019–2020", &actor).await?;

    type Step = (Action, jiff::civil::Date, Option<WindowRequest>);
    // Moving on to the next stage on a day; no hearing window to ask for.
    let advance = |to: Stage, on| -> Step { (Action::Advance { to }, on, None) };
    // A body's adoption at item `number` of its meeting on `day`, recorded that day.
    let adopted = |body, day, number, votes, text: &str| -> Step {
        let decision = Decision {
            body,
            meeting_date: day,
            agenda_item_number: Some(number),
            agenda_item_title: "Integrationspolitik 2020".to_string(),
            minutes_url: None,
            version: 1,
            outcome: Outcome::Adopted,
            votes,
            dissents: Vec::new(),
            text: text.to_string(),
        };
        (Action::RecordDecision(decision), day, None)
    };
    let steps: Vec<Step> = vec![
        advance(Stage::DialogueMeeting, date(2019, 9, 2)),
        (Action::FreezeVersion { number: 1 }, date(2019, 9, 30), None),
        advance(Stage::CommitteeForHearing, date(2019, 9, 30)),
        adopted(
            Body::Committee,
            date(2019, 10, 8),
            5,
            None,
            "Udvalget godkendte, at udkastet sendes i høring.",
        ),
        (
            Action::Advance { to: Stage::Hearing },
            date(2019, 10, 14),
            Some(WindowRequest::WorkingDays {
                opens: date(2019, 10, 14),
                days: 20,
            }),
        ),
        advance(Stage::HearingSummary, date(2019, 11, 12)),
        (Action::RecordHearingSummary, date(2019, 11, 25), None),
        advance(Stage::CommitteeRecommendation, date(2019, 11, 25)),
        adopted(
            Body::Committee,
            date(2019, 12, 3),
            7,
            None,
            "Udvalget anbefaler politikken over for Byrådet.",
        ),
        advance(Stage::FinanceCommittee, date(2019, 12, 4)),
        adopted(
            Body::FinanceCommittee,
            date(2020, 1, 15),
            11,
            None,
            "Anbefales.",
        ),
        advance(Stage::CityCouncil, date(2020, 1, 16)),
        adopted(
            Body::CityCouncil,
            date(2020, 1, 29),
            14,
            Some(Votes {
                in_favour: 31,
                against: 0,
                abstaining: 0,
            }),
            "Integrationspolitikken vedtages.",
        ),
        (Action::Publish, date(2020, 2, 3), None),
    ];
    let calendar = hoering::calendar::Calendar::national();
    for (action, on, window) in steps {
        let request = StepRequest {
            action,
            on,
            window,
            revision: None,
        };
        take_step(db, &calendar, DEMO_ROAD_SLUG, request, &actor)
            .await
            .map_err(|e| DemoError::Step(e.to_string()))?;
    }
    Ok(())
}

/// The dialogue meeting of 12 September 2019 on the 2020 road (input at the tables, minutes),
/// and one coming up on the open demo hearing that anyone may sign up for.
async fn load_meetings(db: &Db, clerk: i64) -> Result<(), DemoError> {
    use crate::meeting::db as meeting_db;
    use crate::policy::db as policy_db;
    use crate::response::db::{self as response_db, MeetingInputRecord, Target};
    use hoering::meeting::{MeetingFields, ParticipantGroup};

    let parse = |f: MeetingFields| {
        f.parse()
            .map_err(|e| DemoError::Fixture(format!("demo meeting: {e:?}")))
    };
    // The coming meeting, on the open hearing.
    if let (Some(policy), Some(hearing)) = (
        policy_db::by_slug(&db.pool, DEMO_SLUG).await?,
        hearing_db::by_slug(&db.pool, DEMO_SLUG).await?,
    ) {
        let day = hoering::calendar::today().checked_add(10.days())?;
        let meeting = parse(MeetingFields {
            title: "Sig din mening om integrationspolitikken".into(),
            date: day.to_string(),
            starts: "17:00".into(),
            ends: "19:30".into(),
            place: "Roskilde Rådhus, Byrådssalen, Rådhusbuen 1, 4000 Roskilde".into(),
            step_free: "ja".into(),
            agenda: "1. Velkomst ved udvalgsformanden\n2. Oplæg om udkastet\n3. Drøftelse ved bordene\n4. Opsamling\n\nDer er tolkning til arabisk, somali og tigrinya, hvis du skriver det i tilmeldingen.".into(),
            capacity: "40".into(),
            signup_deadline: day.checked_sub(2.days())?.to_string(),
            mode: "aaben".into(),
        })?;
        meeting_db::create(&db.pool, policy.id, hearing.id, &meeting, &token()?, clerk).await?;
    }
    // The meeting the 2020 policy was shaped at, with input at its blocks.
    let Some(policy) = policy_db::by_slug(&db.pool, DEMO_ROAD_SLUG).await? else {
        return Ok(());
    };
    let Some(hearing) = hearing_db::of_policy(&db.pool, policy.id)
        .await?
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    let meeting = parse(MeetingFields {
        title: "Dialogmøde om integrationspolitikken".into(),
        date: "2019-09-12".into(),
        starts: "17:00".into(),
        ends: "20:00".into(),
        place: "Roskilde Bibliotek, Dronning Margrethes Vej 14, 4000 Roskilde".into(),
        step_free: "ja".into(),
        agenda: "Borgere, frivillige og sociale foreninger, Integrationsrådet og udvalget drøfter udkastet ved bordene.".into(),
        capacity: "80".into(),
        signup_deadline: "2019-09-09".into(),
        mode: "aaben".into(),
    })?;
    let id =
        meeting_db::create(&db.pool, policy.id, hearing.id, &meeting, &token()?, clerk).await?;
    meeting_db::set_minutes(
        &db.pool,
        id,
        "## Referat\n\nOmkring 60 deltog, fordelt på otte borde. Bordene drøftede især sprog, \
         uddannelse og beskæftigelse, og flere pegede på foreningslivet som vej ind i fællesskabet.\n\n\
         Input fra bordene er registreret ved de afsnit i udkastet, de handler om.",
        true,
    )
    .await?;
    let blocks = hearing_db::blocks(&db.pool, hearing.version_id).await?;
    let inputs = [
        (
            "dansk",
            ParticipantGroup::VoluntaryAssociation,
            "Bord 2",
            "Sprogcaféer på bibliotekerne hjælper, men de skal også ligge om aftenen, så folk i arbejde kan komme.",
        ),
        (
            "uddannelse",
            ParticipantGroup::Citizen,
            "Bord 5",
            "Unge med kort tid i Danmark har brug for en mentor, når de starter på en ungdomsuddannelse.",
        ),
        (
            "forening",
            ParticipantGroup::SocialAssociation,
            "Bord 1",
            "Foreningerne vil gerne tage imod flere, men mangler frivillige, der kan følge nye medlemmer det første halve år.",
        ),
        (
            "arbejde",
            ParticipantGroup::IntegrationCouncil,
            "Bord 7",
            "Virksomhederne skal inddrages tidligere; praktik fører oftere til job end kurser.",
        ),
    ];
    for (word, group, table, text) in inputs {
        let Some(block) = blocks.iter().find(|b| b.text.to_lowercase().contains(word)) else {
            continue;
        };
        let token = token()?;
        response_db::insert_meeting_input(
            &db.pool,
            &Target {
                hearing_id: hearing.id,
                version_id: hearing.version_id,
                block: Some((block.block_id.clone(), block.number.clone())),
                quote: None,
            },
            &MeetingInputRecord {
                meeting_id: id,
                day: "2019-09-12",
                group,
                table: Some(table),
                text,
                user_id: clerk,
            },
            &token,
        )
        .await?;
    }
    Ok(())
}

fn token() -> Result<String, DemoError> {
    crate::auth::random_token().map_err(|e| DemoError::Fixture(format!("no random token: {e}")))
}
