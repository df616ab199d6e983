//! The knowledge base: its tables, the CSV format they are read from, and look-ups.

use std::collections::HashMap;
use std::path::Path;

use domei_model::{EntityCategory, EventKind, Ymd};

use crate::Error;

/// The built-in data files, compiled in.
const BUILTIN: &[(&str, &str)] = &[
    ("actors.csv", include_str!("../data/actors.csv")),
    ("alliances.csv", include_str!("../data/alliances.csv")),
    ("memberships.csv", include_str!("../data/memberships.csv")),
    ("agreements.csv", include_str!("../data/agreements.csv")),
    (
        "agreement_parties.csv",
        include_str!("../data/agreement_parties.csv"),
    ),
    (
        "agreement_events.csv",
        include_str!("../data/agreement_events.csv"),
    ),
    ("blockers.csv", include_str!("../data/blockers.csv")),
    ("leaders.csv", include_str!("../data/leaders.csv")),
];

/// The tables of the knowledge base, as named by their files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// `actors.csv`: countries and organisations.
    Actors,
    /// `alliances.csv`: alliances and frameworks.
    Alliances,
    /// `memberships.csv`: who belongs to which alliance, from when to when.
    Memberships,
    /// `agreements.csv`: treaties, declarations, plans, pledges.
    Agreements,
    /// `agreement_parties.csv`: the parties to each agreement.
    AgreementParties,
    /// `agreement_events.csv`: dated events of agreements.
    AgreementEvents,
    /// `blockers.csv`: words that contain a name but are not mentions (`日本語`).
    Blockers,
    /// `leaders.csv`: heads of state or government whose name, followed by a title
    /// such as 大統領 or 政権, says which country a document belongs to.
    Leaders,
}

impl Table {
    /// Every table, in load order.
    pub const ALL: [Table; 8] = [
        Table::Actors,
        Table::Alliances,
        Table::Memberships,
        Table::Agreements,
        Table::AgreementParties,
        Table::AgreementEvents,
        Table::Blockers,
        Table::Leaders,
    ];

    /// The file stem that names the table (`actors`).
    pub const fn name(self) -> &'static str {
        match self {
            Table::Actors => "actors",
            Table::Alliances => "alliances",
            Table::Memberships => "memberships",
            Table::Agreements => "agreements",
            Table::AgreementParties => "agreement_parties",
            Table::AgreementEvents => "agreement_events",
            Table::Blockers => "blockers",
            Table::Leaders => "leaders",
        }
    }

    /// The columns of the table's header, in order.
    pub const fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Actors => &[
                "id",
                "category",
                "kind",
                "name_ja",
                "name_en",
                "abbreviations",
                "variants",
                "short",
                "iso3",
                "cow",
                "parent",
                "source",
            ],
            Table::Alliances => &[
                "id",
                "category",
                "kind",
                "name_ja",
                "name_en",
                "abbreviations",
                "variants",
                "compound_of",
                "founded",
                "founding_agreement",
                "source",
            ],
            Table::Memberships => &["alliance", "member", "joined", "left", "source"],
            Table::Agreements => &[
                "id",
                "kind",
                "name_ja",
                "name_en",
                "abbreviations",
                "variants",
                "source_title",
                "source_date",
            ],
            Table::AgreementParties => &["agreement", "party"],
            Table::AgreementEvents => &["agreement", "event", "date", "note"],
            Table::Blockers => &["form", "reason"],
            Table::Leaders => &[
                "id", "country", "office", "name_ja", "name_en", "from", "to", "source",
            ],
        }
    }

    /// The table a file is for: by its file stem (`actors.csv`, `my_actors.csv`), else
    /// by its header.
    fn detect(path: &Path, header: &[String]) -> Option<Table> {
        if let Some(t) = Table::ALL
            .iter()
            .find(|t| t.columns().iter().eq(header.iter()))
        {
            return Some(*t);
        }
        let stem = path.file_stem()?.to_str()?.to_ascii_lowercase();
        // Longest name first so `agreement_parties` wins over `agreements`.
        let mut tables = Table::ALL;
        tables.sort_by_key(|t| std::cmp::Reverse(t.name().len()));
        tables.into_iter().find(|t| stem.ends_with(t.name()))
    }
}

/// Where a fact comes from: an official document's title and date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceRef {
    /// The document's title.
    pub title: String,
    /// Its date, when known.
    pub date: Option<Ymd>,
}

/// One entity of the knowledge base: a country, organisation, alliance, framework or
/// agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable id (`JPN`, `NATO`, `US-JPN`, `NAT-1949`).
    pub id: String,
    /// Its category.
    pub category: EntityCategory,
    /// A finer type (`state`, `collective_defence`, `treaty` …).
    pub kind: String,
    /// Japanese name.
    pub name_ja: String,
    /// English name.
    pub name_en: String,
    /// Abbreviations (matched as written, with ASCII word boundaries).
    pub abbreviations: Vec<String>,
    /// Other forms the texts use (matched as written).
    pub variants: Vec<String>,
    /// One-character forms (`米`), matched only in compounds and clear contexts.
    pub short: Vec<String>,
    /// ISO 3166-1 alpha-3 code (countries).
    pub iso3: Option<String>,
    /// Correlates of War state number (countries).
    pub cow: Option<u16>,
    /// The entity this one belongs to (a NATO body's `NATO`).
    pub parent: Option<String>,
    /// For frameworks that a compound denotes (`日米韓`): the actor ids of the compound.
    pub compound_of: Vec<String>,
    /// Founding date (alliances).
    pub founded: Option<Ymd>,
    /// The founding agreement's id (alliances).
    pub founding_agreement: Option<String>,
    /// The official source.
    pub source: SourceRef,
}

impl Entry {
    /// An entry with the columns every entity table has — `[id, kind, name_ja,
    /// name_en, abbreviations, variants]` — and the rest empty, for a table row to
    /// complete.
    fn named(
        category: EntityCategory,
        [id, kind, ja, en, abbr, variants]: [&str; 6],
    ) -> Result<Entry, String> {
        Ok(Entry {
            id: required(id, "id")?,
            category,
            kind: kind.to_string(),
            name_ja: ja.to_string(),
            name_en: en.to_string(),
            abbreviations: list(abbr),
            variants: list(variants),
            short: Vec::new(),
            iso3: None,
            cow: None,
            parent: None,
            compound_of: Vec::new(),
            founded: None,
            founding_agreement: None,
            source: SourceRef::default(),
        })
    }

    /// Every form the matcher looks for, except the one-character ones.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        [self.name_ja.as_str(), self.name_en.as_str()]
            .into_iter()
            .chain(self.abbreviations.iter().map(String::as_str))
            .chain(self.variants.iter().map(String::as_str))
            .filter(|s| !s.is_empty())
    }
}

/// A membership of an alliance or framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    /// The alliance's id.
    pub alliance: String,
    /// The member's id.
    pub member: String,
    /// When it joined.
    pub joined: Option<Ymd>,
    /// When it left, if it did.
    pub left: Option<Ymd>,
    /// Where the fact comes from.
    pub source: String,
}

/// A dated event of an agreement known to the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbEvent {
    /// The agreement's id.
    pub agreement: String,
    /// What happened.
    pub kind: EventKind,
    /// When.
    pub date: Ymd,
    /// A short note.
    pub note: String,
}

/// The knowledge base: entities, memberships, parties, events and blockers.
#[derive(Debug, Clone, Default)]
pub struct Kb {
    entries: Vec<Entry>,
    index: HashMap<String, usize>,
    memberships: Vec<Membership>,
    parties: Vec<(String, String)>,
    events: Vec<KbEvent>,
    blockers: Vec<String>,
    leaders: Vec<Leader>,
}

/// A head of state or government in one term of office (`leaders.csv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leader {
    /// Stable id (`USA-P46`: the 46th US president).
    pub id: String,
    /// The actor id of the country led.
    pub country: String,
    /// The office (`president`).
    pub office: String,
    /// The surname as Japanese texts write it (`バイデン`).
    pub name_ja: String,
    /// The surname in English (`Biden`).
    pub name_en: String,
    /// The start of the term.
    pub from: Ymd,
    /// The end of the term; `None` while in office.
    pub to: Option<Ymd>,
    /// Where the fact comes from.
    pub source: String,
}

impl Kb {
    /// The knowledge base compiled into the crate.
    ///
    /// The built-in data is checked by the crate's tests; should a row ever fail to
    /// read it is skipped rather than panicking.
    pub fn builtin() -> Kb {
        let mut kb = Kb::default();
        for (name, text) in BUILTIN {
            // The built-in files are tested to load cleanly (`try_builtin`); a failure
            // here cannot come from user input, so the partial result is kept.
            let _ = kb.extend_from_str(Path::new(name), text);
        }
        kb
    }

    /// The built-in knowledge base, or the first error of its data files.
    pub fn try_builtin() -> Result<Kb, Error> {
        let mut kb = Kb::default();
        for (name, text) in BUILTIN {
            kb.extend_from_str(Path::new(name), text)?;
        }
        Ok(kb)
    }

    /// Read one CSV file into the knowledge base. The file's name (`actors.csv`,
    /// `my_agreements.csv`) or its header says which table it is. An entry whose id is
    /// already known replaces the old one.
    pub fn extend_from_path(&mut self, path: &Path) -> Result<(), Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error {
            file: path.display().to_string(),
            line: 0,
            message: e.to_string(),
        })?;
        self.extend_from_str(path, &text)
    }

    /// Read CSV text as if it were the file `path` (whose name may say the table).
    pub fn extend_from_str(&mut self, path: &Path, text: &str) -> Result<(), Error> {
        let file = path.display().to_string();
        let err = |line: usize, message: String| Error {
            file: file.clone(),
            line,
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| err(1, e.to_string()))?
            .iter()
            .map(|s| s.trim().to_string())
            .collect();
        let table = Table::detect(path, &header).ok_or_else(|| {
            err(
                1,
                "cannot tell which table this is: name the file actors.csv, alliances.csv, \
                 memberships.csv, agreements.csv, agreement_parties.csv, agreement_events.csv, \
                 blockers.csv or leaders.csv"
                    .to_string(),
            )
        })?;
        let columns = table.columns();
        let mut pos = Vec::with_capacity(columns.len());
        for col in columns {
            let i = header
                .iter()
                .position(|h| h == col)
                .ok_or_else(|| err(1, format!("table {} needs a column {col:?}", table.name())))?;
            pos.push(i);
        }
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line() as usize);
                err(line, e.to_string())
            })?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let fields: Vec<&str> = pos
                .iter()
                .map(|&p| record.get(p).unwrap_or("").trim())
                .collect();
            self.add_row(table, &fields).map_err(|m| err(line, m))?;
        }
        Ok(())
    }

    fn add_row(&mut self, table: Table, fields: &[&str]) -> Result<(), String> {
        let get = |k: usize| fields.get(k).copied().unwrap_or("");
        match table {
            Table::Actors => {
                let category = match get(1) {
                    "country" => EntityCategory::Country,
                    "organization" | "organisation" => EntityCategory::Organization,
                    other => {
                        return Err(format!(
                            "category must be country or organization, not {other:?}"
                        ));
                    }
                };
                let cow = match get(9) {
                    "" => None,
                    s => Some(
                        s.parse::<u16>()
                            .map_err(|_| format!("cow must be a number, not {s:?}"))?,
                    ),
                };
                let entry = Entry {
                    short: list(get(7)),
                    iso3: opt(get(8)),
                    cow,
                    parent: opt(get(10)),
                    source: SourceRef {
                        title: get(11).to_string(),
                        date: None,
                    },
                    ..Entry::named(category, [get(0), get(2), get(3), get(4), get(5), get(6)])?
                };
                self.insert(entry)
            }
            Table::Alliances => {
                let category = match get(1) {
                    "alliance" => EntityCategory::Alliance,
                    "framework" => EntityCategory::Framework,
                    other => {
                        return Err(format!(
                            "category must be alliance or framework, not {other:?}"
                        ));
                    }
                };
                let entry = Entry {
                    compound_of: get(7)
                        .split('+')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect(),
                    founded: date_opt(get(8))?,
                    founding_agreement: opt(get(9)),
                    source: SourceRef {
                        title: get(10).to_string(),
                        date: None,
                    },
                    ..Entry::named(category, [get(0), get(2), get(3), get(4), get(5), get(6)])?
                };
                self.insert(entry)
            }
            Table::Agreements => {
                let entry = Entry {
                    source: SourceRef {
                        title: get(6).to_string(),
                        date: date_opt(get(7))?,
                    },
                    ..Entry::named(
                        EntityCategory::Agreement,
                        [get(0), get(1), get(2), get(3), get(4), get(5)],
                    )?
                };
                self.insert(entry)
            }
            Table::Memberships => {
                self.memberships.push(Membership {
                    alliance: required(get(0), "alliance")?,
                    member: required(get(1), "member")?,
                    joined: date_opt(get(2))?,
                    left: date_opt(get(3))?,
                    source: get(4).to_string(),
                });
                Ok(())
            }
            Table::AgreementParties => {
                self.parties
                    .push((required(get(0), "agreement")?, required(get(1), "party")?));
                Ok(())
            }
            Table::AgreementEvents => {
                let kind =
                    event_kind(get(1)).ok_or_else(|| format!("unknown event {:?}", get(1)))?;
                let date = date_opt(get(2))?.ok_or("an event needs a date")?;
                self.events.push(KbEvent {
                    agreement: required(get(0), "agreement")?,
                    kind,
                    date,
                    note: get(3).to_string(),
                });
                Ok(())
            }
            Table::Blockers => {
                self.blockers.push(required(get(0), "form")?);
                Ok(())
            }
            Table::Leaders => {
                let leader = Leader {
                    id: required(get(0), "id")?,
                    country: required(get(1), "country")?,
                    office: get(2).to_string(),
                    name_ja: get(3).to_string(),
                    name_en: get(4).to_string(),
                    from: date_opt(get(5))?.ok_or("a leader needs the start of the term")?,
                    to: date_opt(get(6))?,
                    source: get(7).to_string(),
                };
                if leader.name_ja.is_empty() && leader.name_en.is_empty() {
                    return Err(format!(
                        "leader {} has neither name_ja nor name_en",
                        leader.id
                    ));
                }
                match self.leaders.iter_mut().find(|l| l.id == leader.id) {
                    Some(old) => *old = leader,
                    None => self.leaders.push(leader),
                }
                Ok(())
            }
        }
    }

    fn insert(&mut self, entry: Entry) -> Result<(), String> {
        if entry.name_ja.is_empty() && entry.name_en.is_empty() {
            return Err(format!(
                "entry {} has neither name_ja nor name_en",
                entry.id
            ));
        }
        match self.index.get(&entry.id) {
            Some(&i) => self.entries[i] = entry,
            None => {
                self.index.insert(entry.id.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
        Ok(())
    }

    /// Every entity, in load order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index.get(id).map(|&i| &self.entries[i])
    }

    /// The entity with this id, name, abbreviation or variant (ids and ASCII forms
    /// compared without regard to case).
    pub fn find(&self, query: &str) -> Option<&Entry> {
        let q = query.trim();
        if let Some(e) = self.get(q) {
            return Some(e);
        }
        self.entries
            .iter()
            .find(|e| e.id.eq_ignore_ascii_case(q))
            .or_else(|| self.entries.iter().find(|e| e.forms().any(|f| f == q)))
            .or_else(|| {
                self.entries
                    .iter()
                    .find(|e| e.forms().any(|f| f.eq_ignore_ascii_case(q)))
            })
            .or_else(|| self.find_compound(q))
    }

    /// The framework a compound of one-character forms denotes (`日米韓`, `日・米・韓`).
    fn find_compound(&self, q: &str) -> Option<&Entry> {
        let mut ids: Vec<&str> = Vec::new();
        for c in q.chars().filter(|c| !matches!(c, '・' | '･')) {
            let mut buf = [0u8; 4];
            let c: &str = c.encode_utf8(&mut buf);
            let e = self
                .entries
                .iter()
                .find(|e| e.short.iter().any(|s| s == c))?;
            ids.push(&e.id);
        }
        ids.sort_unstable();
        ids.dedup();
        if ids.len() < 2 {
            return None;
        }
        self.entries.iter().find(|e| {
            let mut key: Vec<&str> = e.compound_of.iter().map(String::as_str).collect();
            key.sort_unstable();
            key == ids
        })
    }

    /// Entities whose id, names, abbreviations or variants contain `text` (ASCII
    /// compared without regard to case).
    pub fn search(&self, text: &str) -> Vec<&Entry> {
        let q = text.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        self.entries
            .iter()
            .filter(|e| {
                e.id.to_lowercase().contains(&q) || e.forms().any(|f| f.to_lowercase().contains(&q))
            })
            .collect()
    }

    /// Every membership.
    pub fn memberships(&self) -> &[Membership] {
        &self.memberships
    }

    /// The members of an alliance or framework.
    pub fn members_of<'a>(&'a self, alliance: &'a str) -> impl Iterator<Item = &'a Membership> {
        self.memberships
            .iter()
            .filter(move |m| m.alliance == alliance)
    }

    /// Every (agreement, party) pair.
    pub fn agreement_parties(&self) -> &[(String, String)] {
        &self.parties
    }

    /// The parties to an agreement.
    pub fn parties_of<'a>(&'a self, agreement: &'a str) -> impl Iterator<Item = &'a str> {
        self.parties
            .iter()
            .filter(move |(a, _)| a == agreement)
            .map(|(_, p)| p.as_str())
    }

    /// Every agreement event.
    pub fn events(&self) -> &[KbEvent] {
        &self.events
    }

    /// The events of an agreement.
    pub fn events_of<'a>(&'a self, agreement: &'a str) -> impl Iterator<Item = &'a KbEvent> {
        self.events.iter().filter(move |e| e.agreement == agreement)
    }

    /// Words that contain a name but are not mentions.
    pub fn blockers(&self) -> &[String] {
        &self.blockers
    }

    /// Heads of state or government by term (`leaders.csv`).
    pub fn leaders(&self) -> &[Leader] {
        &self.leaders
    }

    /// Problems of consistency: ids referenced but not defined, a form used by two
    /// entities, compounds naming unknown actors. Empty when the base is sound.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let known = |id: &str| self.index.contains_key(id);
        for e in &self.entries {
            for p in e.parent.iter().chain(&e.compound_of) {
                if !known(p) {
                    problems.push(format!("{}: unknown id {p}", e.id));
                }
            }
            if let Some(f) = &e.founding_agreement {
                if self.get(f).map(|a| a.category) != Some(EntityCategory::Agreement) {
                    problems.push(format!(
                        "{}: founding agreement {f} is not an agreement",
                        e.id
                    ));
                }
            }
            if e.category == EntityCategory::Country && (e.iso3.is_none() || e.cow.is_none()) {
                problems.push(format!("{}: a country needs iso3 and cow", e.id));
            }
        }
        for m in &self.memberships {
            if !known(&m.alliance) || !known(&m.member) {
                problems.push(format!(
                    "membership {} {}: unknown id",
                    m.alliance, m.member
                ));
            }
            if let (Some(j), Some(l)) = (m.joined, m.left) {
                if l < j {
                    problems.push(format!(
                        "membership {} {}: left before joining",
                        m.alliance, m.member
                    ));
                }
            }
        }
        for l in &self.leaders {
            if self.get(&l.country).map(|e| e.category) != Some(EntityCategory::Country) {
                problems.push(format!("leader {}: {} is not a country", l.id, l.country));
            }
            if l.to.is_some_and(|t| t < l.from) {
                problems.push(format!("leader {}: the term ends before it starts", l.id));
            }
        }
        for (a, p) in &self.parties {
            if self.get(a).map(|e| e.category) != Some(EntityCategory::Agreement) || !known(p) {
                problems.push(format!("party {a} {p}: unknown id"));
            }
        }
        for ev in &self.events {
            if self.get(&ev.agreement).map(|e| e.category) != Some(EntityCategory::Agreement) {
                problems.push(format!("event of {}: unknown agreement", ev.agreement));
            }
        }
        let mut forms: HashMap<&str, &str> = HashMap::new();
        for e in &self.entries {
            for f in e.forms() {
                if let Some(other) = forms.insert(f, &e.id) {
                    if other != e.id {
                        problems.push(format!("form {f:?} used by {other} and {}", e.id));
                    }
                }
            }
        }
        problems
    }
}

fn required(s: &str, what: &str) -> Result<String, String> {
    if s.is_empty() {
        Err(format!("{what} is empty"))
    } else {
        Ok(s.to_string())
    }
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (checked against the calendar).
pub fn parse_ymd(s: &str) -> Option<Ymd> {
    let mut parts = s.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    let month = match parts.next() {
        None => return Some(Ymd::year(year)),
        Some(m) => m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?,
    };
    let day = match parts.next() {
        None => return Some(Ymd::month(year, month)),
        Some(d) => d.parse::<u8>().ok()?,
    };
    if parts.next().is_some() || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(Ymd::day(year, month, day))
}

/// Number of days in a month of the proleptic Gregorian calendar.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn date_opt(s: &str) -> Result<Option<Ymd>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    parse_ymd(s)
        .map(Some)
        .ok_or_else(|| format!("not a date (YYYY, YYYY-MM or YYYY-MM-DD): {s:?}"))
}

/// The event kind named in `agreement_events.csv` (`signed`, `in_force` …).
pub fn event_kind(s: &str) -> Option<EventKind> {
    Some(match s {
        "signed" => EventKind::Signed,
        "concluded" => EventKind::Concluded,
        "adopted" => EventKind::Adopted,
        "announced" => EventKind::Announced,
        "in_force" | "entered_into_force" => EventKind::EnteredIntoForce,
        "revised" => EventKind::Revised,
        "renewed" => EventKind::Renewed,
        "suspended" => EventKind::Suspended,
        "terminated" => EventKind::Terminated,
        "withdrawn" => EventKind::Withdrawn,
        "agreed" => EventKind::Agreed,
        _ => return None,
    })
}

/// The name of an event kind as `agreement_events.csv` writes it.
pub fn event_kind_name(k: EventKind) -> &'static str {
    match k {
        EventKind::Signed => "signed",
        EventKind::Concluded => "concluded",
        EventKind::Adopted => "adopted",
        EventKind::Announced => "announced",
        EventKind::EnteredIntoForce => "in_force",
        EventKind::Revised => "revised",
        EventKind::Renewed => "renewed",
        EventKind::Suspended => "suspended",
        EventKind::Terminated => "terminated",
        EventKind::Withdrawn => "withdrawn",
        EventKind::Agreed => "agreed",
    }
}
